using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Domain.Tests.Policies;

namespace Anxin.Domain.Tests.Cases;

public sealed class CaseTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public void An_unverified_report_is_verified_once_and_its_coverage_is_checked_again()
    {
        var @case = Unverified();
        var policy = PolicyTestData.Motor();

        var check = @case.VerifyPolicy(policy);

        Assert.True(@case.PolicyVerified);
        Assert.Equal(policy.Id, @case.PolicyId);
        Assert.Equal(CoverageOutcome.Covered, check.Outcome);
        Assert.Equal(CoverageOutcome.Covered, @case.CoverageOutcome);
        var again = Assert.Throws<DomainException>(() => @case.VerifyPolicy(policy));
        Assert.Equal("Case.AlreadyVerified", again.Code);
    }

    [Fact]
    public void A_cancelled_case_cannot_be_verified()
    {
        var @case = Unverified();
        @case.Cancel();

        Assert.Equal("Case.NotOpen", Assert.Throws<DomainException>(() => @case.VerifyPolicy(PolicyTestData.Motor())).Code);
    }

    [Fact]
    public void Coverage_reasons_give_the_period_in_china_time_whatever_the_stored_offset()
    {
        var policy = PolicyTestData.Motor();

        var check = CoverageCheck.Check(policy, PolicyTestData.Start.AddDays(1).ToUniversalTime(), Peril.Collision);

        Assert.Contains(check.Reasons, r => r.Code == "Coverage.InForce" && r.Argument!.StartsWith("2026-01-01 00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attachment_takes_its_type_from_its_bytes_not_from_its_name()
    {
        var attachment = CaseAttachment.Create(Unverified(), AttachmentKind.Intake, @"C:\fakepath\scene.jpg", Png, null);

        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("scene.jpg", attachment.FileName);
        Assert.Equal("Attachment.Type", Assert.Throws<DomainException>(() =>
            CaseAttachment.Create(Unverified(), AttachmentKind.Intake, "photo.png", "<html>not a photo</html>"u8.ToArray(), null)).Code);
    }

    [Fact]
    public void An_attachment_over_the_limit_is_refused()
    {
        var big = new byte[CaseAttachment.MaxBytes + 1];
        Png.CopyTo(big, 0);

        Assert.Equal("Attachment.TooLarge", Assert.Throws<DomainException>(() =>
            CaseAttachment.Create(Unverified(), AttachmentKind.Intake, "big.png", big, null)).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1' }, "application/pdf")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8' }, null)]
    public void Sniffing_recognises_the_accepted_signatures_only(byte[] content, string? expected) =>
        Assert.Equal(expected, CaseAttachment.Sniff(content));

    private static Case Unverified()
    {
        var report = new LossReport(ProductLine.Motor, "李报案", "13800138000", null, null, null, "NOT-FOUND", "粤B12345",
            PolicyTestData.Start.AddDays(10), "深圳市南山区", null, null, Peril.Collision, "追尾", null, false, null, null, IntakeChannel.Phone);
        return Case.Register("BA20260111000001", report, null, null, null, null, null, PolicyTestData.Node, PolicyTestData.Start.AddDays(10).AddHours(1));
    }
}
