using System.Text.Json;
using Anxin.Domain.Messaging;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// An agent has the app open; a service-clock warning for them is delivered by the outbox on the
/// server and shows up in the bell and as a toast without a reload; the agent reads it from the
/// keyboard and marks everything read.
/// </summary>
public sealed class NotificationBellTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task A_notification_delivered_on_the_server_appears_live_in_the_bell_and_can_be_marked_read()
    {
        await using var session = await app.NewSessionAsync(nameof(A_notification_delivered_on_the_server_appears_live_in_the_bell_and_can_be_marked_read));
        var page = session.Page;
        var subject = "E2E" + TestData.Suffix();

        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("agent1", TestData.DemoPassword)).Unwrap();
        await Expect(page).ToHaveURLAsync(session.Url("/"));
        var bell = new NotificationBell(page);
        await Expect(bell.Count).ToBeHiddenAsync();
        await Expect(bell.Button).ToHaveAttributeAsync("aria-label", bell.Label(0));
        await bell.WaitUntilLiveAsync();
        await session.StepAsync("signed-in-no-notifications");

        // Server side: an in-app outbox message for agent1, delivered by the dispatcher.
        var messageId = await app.WithDbAsync(async (db, _) =>
        {
            var userId = await db.Users.Where(u => u.UserName == "agent1").Select(u => u.Id).SingleAsync();
            var node = await db.OrgNodes.AsNoTracking().SingleAsync(n => n.Code == "GD-CC-T1");
            var message = OutboxMessage.Create(MessageChannel.InApp, userId.ToString(), "Clock.Warning",
                JsonSerializer.Serialize(new { subject, rule = "首次响应", deadline = "2026-11-22 09:00", owner = "陈晓" }),
                node.Id, node.Path, DateTimeOffset.UtcNow.AddSeconds(-1));
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        // The demo data may still have messages due and the background loop may run too, so the
        // count sent here says little; what matters is that ours went out.
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxState.Sent, await app.WithDbAsync((db, _) =>
            db.Outbox.IgnoreQueryFilters().Where(m => m.Id == messageId).Select(m => m.State).SingleAsync()));

        // No reload: the badge, its accessible name and a toast update live.
        await Expect(bell.Count).ToHaveTextAsync("1");
        await Expect(bell.Count).ToBeVisibleAsync();
        await Expect(bell.Button).ToHaveAttributeAsync("aria-label", bell.Label(1));
        await Expect(bell.Toasts.First).ToContainTextAsync(subject);
        await session.StepAsync("pushed-live");

        // Keyboard: open the dropdown; htmx loads the latest list.
        await bell.OpenWithKeyboardAsync();
        await Expect(bell.Button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(bell.Latest).ToContainTextAsync(subject);
        await session.StepAsync("dropdown-open");

        await bell.MarkAllRead.ClickAsync();
        await Expect(bell.Count).ToBeHiddenAsync();
        await Expect(bell.Button).ToHaveAttributeAsync("aria-label", bell.Label(0));
        await Expect(bell.Latest).ToHaveAttributeAsync("data-unread", "0");
        await session.StepAsync("all-read");

        await page.ReloadAsync();
        await Expect(bell.Count).ToBeHiddenAsync();
        await Expect(bell.Count).ToHaveTextAsync("0");
    }
}
