using System.Text.RegularExpressions;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// CC-01/CC-02: an agent has the desk open; a call from a known customer's mobile rings (through
/// the desk's simulator, the same path as the CTI API) and the customer's record pops up without a
/// reload, with the greeting carrying the agent's work number; the agent classifies the call from
/// the keyboard and the script moves on to the loss-report closing.
/// </summary>
public sealed class AgentDeskTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task A_call_from_a_known_customer_pops_their_record_live_and_the_agent_classifies_it()
    {
        await using var session = await app.NewSessionAsync(nameof(A_call_from_a_known_customer_pops_their_record_live_and_the_agent_classifies_it));
        var page = session.Page;
        var mobile = "137" + TestData.Digits(8);
        var name = "来电客户" + TestData.Suffix();
        var customer = await app.WithDbAsync(async (db, services) =>
        {
            var team = await db.OrgNodes.SingleAsync(n => n.Code == "GD-CC-T1");
            var number = await services.GetRequiredService<IBusinessNumberGenerator>().NextAsync(Customer.NumberPrefix, CancellationToken.None);
            var c = Customer.RegisterIndividual(number, name, ResidentIdNumber.Create(TestData.IdNumber()).Value, MobileNumber.Create(mobile).Value, team);
            db.Customers.Add(c);
            await db.SaveChangesAsync();
            return c;
        });

        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("agent1", TestData.DemoPassword)).Unwrap();
        var desk = await new DeskPage(page).OpenAsync();
        await new NotificationBell(page).WaitUntilLiveAsync();
        await Expect(desk.NoCall).ToBeVisibleAsync();
        await Expect(desk.Script).ToContainTextAsync("2102号为您服务");
        await session.StepAsync("desk-waiting");

        await desk.SimulateIncomingCallAsync(mobile);

        // The screen pop: no navigation, the panel fills in from the push.
        await Expect(desk.CallerName).ToHaveTextAsync(name);
        await Expect(desk.CallerCustomerNumber).ToHaveTextAsync(customer.Number);
        await Expect(desk.CallState).ToHaveTextAsync("振铃中");
        await Expect(desk.Script).ToContainTextAsync("2102号为您服务");
        await Expect(page).ToHaveURLAsync(session.Url("/desk"));
        await Expect(desk.Panel).Not.ToContainTextAsync(mobile);
        await Expect(desk.RegisterLossReport).ToHaveAttributeAsync("href", new Regex($"^/cases/new\\?callId=[0-9a-f-]{{36}}&customerId={customer.Id}$"));
        await session.StepAsync("screen-pop");

        // Keyboard: Alt+R picks "报案", the matched customer is already chosen, Alt+S saves.
        await page.Locator("body").PressAsync("Alt+r");
        await Expect(desk.TypeOption("Report")).ToBeCheckedAsync();
        await page.Locator("body").PressAsync("Alt+s");
        await Expect(desk.Saved).ToBeVisibleAsync();
        await Expect(desk.Script).ToHaveAttributeAsync("data-step", "ReportClosing");
        await Expect(desk.Script).ToContainTextAsync("您的情况我们已了解");
        await session.StepAsync("classified");

        var call = await app.WithDbAsync((db, _) => db.Calls.AsNoTracking().SingleAsync(c => c.CallerNumber == mobile));
        Assert.Equal((CallType.Report, customer.Id, CallState.Ringing), (call.Type, call.CustomerId, call.State));
    }
}
