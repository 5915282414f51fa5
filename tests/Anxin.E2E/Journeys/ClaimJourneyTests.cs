using System.Globalization;
using System.Text.RegularExpressions;
using Anxin.Domain.Policies;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// Issue 5's journey: the hotline agent 陈晓 (agent1) registers a loss on /cases/new; the claims handler
/// 罗赔 (claims1), whose data scope is the branch, opens the claim from that case's page,
/// sends the one-time missing-documents notice, registers the documents, adjudicates an amount above
/// their own limit (it goes to pending), the branch manager 李广 (gdmanager) approves, the payment is
/// recorded and the claim closes into its file with an archive number; the timeline shows every step.
/// </summary>
public sealed class ClaimJourneyTests(E2EApp app) : IClassFixture<E2EApp>
{
    private const string Reporter = "周报案";

    [SkippableFact]
    public async Task Handler_opens_a_claim_from_a_case_and_it_is_approved_paid_and_archived()
    {
        await using var session = await app.NewSessionAsync(nameof(Handler_opens_a_claim_from_a_case_and_it_is_approved_paid_and_archived));
        var page = session.Page;
        var claimPage = new ClaimPage(page);
        var policy = await SeedPolicyAsync();

        // 陈晓 (agent1) at the hotline registers the loss on /cases/new; the case belongs to her team.
        await SignInAsync(page, "agent1");
        await page.GotoAsync(session.Url("/cases/new"));
        var form = new LossReportPage(page);
        await form.Insurer.SelectOptionAsync("PICC");
        await form.PolicyNumber.FillAsync(policy.Number);
        await form.Plate.FillAsync(policy.Plate);
        await Expect(form.Lookup).ToContainTextAsync(policy.Number);
        await Expect(form.Line).ToHaveValueAsync("Motor");
        await form.ReporterName.FillAsync(Reporter);
        await form.ReporterMobile.FillAsync("139" + TestData.Digits(8));
        await form.LossPlace.FillAsync("深圳市南山区科技园南区");
        await form.Cause.SelectOptionAsync("Collision");
        await form.Description.FillAsync("倒车时撞到路边护栏，车尾受损 " + TestData.Suffix());
        await page.Keyboard.PressAsync("Alt+s");
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}/reported$"));
        var caseUrl = Regex.Match(page.Url, "/cases/[0-9a-f-]{36}").Value;
        await session.StepAsync("case-registered");

        // 罗赔 works every case of the branch: he opens the claim from the hotline's case page.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "claims1");
        await page.GotoAsync(session.Url(caseUrl));
        await page.GetByTestId("open-claim").ClickAsync();
        await Expect(page.GetByTestId("case-summary")).ToBeVisibleAsync();
        await session.StepAsync("open-from-case");
        await claimPage.OpenButtonAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/claims/[0-9a-f-]{36}$"));
        await Expect(claimPage.Status).ToHaveTextAsync(claimPage.StatusText("AwaitingDocuments"));
        await Expect(claimPage.Number).ToHaveTextAsync(new Regex(@"^LP\d{14}$"));
        var claimUrl = page.Url;
        var number = await claimPage.Number.InnerTextAsync();
        await session.StepAsync("opened");

        // The one-time notice: the decision clock pauses.
        await claimPage.SendNoticeAsync();
        await Expect(claimPage.Message).ToBeVisibleAsync();
        await Expect(page.GetByTestId("notices")).ToContainTextAsync("索赔申请书");
        await Expect(claimPage.DueDates).ToContainTextAsync(ClaimText.ZhCn["Claim.ClockPaused"]);
        await session.StepAsync("notice-sent");

        // Everything arrives.
        await claimPage.RegisterAllMissingAsync();
        await Expect(claimPage.Status).ToHaveTextAsync(claimPage.StatusText("DocumentsComplete"));
        await session.StepAsync("documents-registered");

        // 32,000 assessed on vehicle damage less the 500 deductible: 31,500, shown step by step, above 罗赔's limit.
        await claimPage.AssessAsync("VD", 32_000m);
        await claimPage.ComputeAsync();
        await Expect(claimPage.PayableSteps).ToContainTextAsync("31,500.00");
        await session.StepAsync("computed");
        await claimPage.AssessAsync("VD", 32_000m);
        await claimPage.AcceptAsync();
        await Expect(claimPage.Status).ToHaveTextAsync(claimPage.StatusText("PendingApproval"));
        await Expect(claimPage.Approvals).ToContainTextAsync("李广");
        await session.StepAsync("pending-approval");

        // 李广 finds it waiting for him and approves.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "gdmanager");
        await page.GotoAsync(session.Url("/claims"));
        await Expect(page.GetByTestId("claim-table")).ToContainTextAsync(number);
        await session.StepAsync("approver-queue");
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await claimPage.ApproveAsync("同意赔付");
        await Expect(claimPage.Status).ToHaveTextAsync(claimPage.StatusText("Approved"));
        await session.StepAsync("approved");

        // 罗赔 records the agreement and the payment, then closes the file.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, "claims1");
        await page.GotoAsync(claimUrl);
        await claimPage.RecordAgreementAsync();
        await Expect(page.GetByTestId("pay-form")).ToBeVisibleAsync();
        await claimPage.PayAsync(Reporter, BankCard());
        await Expect(claimPage.Status).ToHaveTextAsync(claimPage.StatusText("Paid"));
        await Expect(page.GetByTestId("payments")).ToContainTextAsync("31,500.00");
        await session.StepAsync("paid");
        await claimPage.CloseAsync();
        await Expect(claimPage.Status).ToHaveTextAsync(claimPage.StatusText("Closed"));
        await Expect(claimPage.ArchiveNumber).ToContainTextAsync(new Regex(@"JZ\d{14}"));
        await Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();

        foreach (var step in new[]
                 {
                     "ClaimOpened", "MissingDocumentsNoticeSent", "ClaimDocumentsReceived", "ClaimAccepted", "ClaimApproved",
                     "ClaimAgreementRecorded", "ClaimPaid", "ClaimClosed", "ClockPaused", "ClockResumed",
                 })
        {
            await Expect(claimPage.TimelineEntry(step).First).ToBeVisibleAsync();
        }

        await session.StepAsync("closed-with-timeline");

        // The payment notice prints for the claimant.
        await page.GotoAsync(claimUrl + "/notices/payment");
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("31,500.00");
        await session.StepAsync("payment-notice");
    }

    private static async Task SignInAsync(IPage page, string user) =>
        await (await new LoginPage(page).OpenAsync()).SignInAsync(user, TestData.DemoPassword);

    /// <summary>A fresh PICC motor policy in force for 200 days (arranged directly; the policy register is tested elsewhere).</summary>
    private async Task<(string Number, string Plate)> SeedPolicyAsync() => await app.WithDbAsync(async (db, _) =>
    {
        var insurer = await db.Insurers.IgnoreQueryFilters().SingleAsync(i => i.Code == "PICC");
        var gd = await db.OrgNodes.IgnoreQueryFilters().SingleAsync(n => n.Code == "GD");
        var plate = "粤B" + TestData.Digits(5);
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        var policy = Policy.Register(new PolicyDraft("PE" + TestData.Suffix() + TestData.Digits(8), ProductLine.Motor, Reporter, "139" + TestData.Digits(8),
            Reporter, null, start, start.AddYears(1), 3_000m, plate, null, null, null, [new("VD", null, 150_000m, 500m), new("TPL", null, 1_000_000m)]),
            insurer.Id, null, gd);
        db.Policies.Add(policy);
        await db.SaveChangesAsync();
        return (policy.Number, plate);
    });

    /// <summary>A 19-digit card number with a valid Luhn check digit that no other claim uses.</summary>
    private static string BankCard()
    {
        var body = "62220" + TestData.Digits(13);
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
