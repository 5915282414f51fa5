using Anxin.Domain.Claims;
using Anxin.Domain.Common;

namespace Anxin.Domain.Tests.Claims;

/// <summary>CLM-09: a vendor's service request moves quote → service → invoice, and each vendor step waits for the handler.</summary>
public sealed class ServiceRequestTests
{
    private static readonly Guid Handler = ClaimKit.Handler;
    private static readonly DateTimeOffset At = ClaimKit.Local(11, 20);

    private static Vendor Shop(bool active = true)
    {
        var vendor = Vendor.Register(VendorKind.RepairShop, "安达汽修", UnifiedSocialCreditCode.Create("91440300MA5DAAAA1X").Value, "黄师傅",
            MobileNumber.Create("13912340001").Value, null);
        if (!active)
        {
            vendor.Deactivate();
        }

        return vendor;
    }

    private static Money Yuan(decimal amount) => Money.Create(amount).Value;

    [Fact]
    public void Quote_service_invoice_in_order_with_the_handler_deciding_the_quote()
    {
        var request = ServiceRequest.Create(ClaimKit.Complete(), Shop(), "后保险杠更换", Handler, At);
        request.Quote(Yuan(4_000m), "含工时", null, At.AddHours(1));
        Assert.True(request.AwaitingHandler);
        request.Quote(Yuan(3_800m), "优惠后", null, At.AddHours(2));
        request.AcceptQuote(Handler, At.AddHours(3));
        Assert.Equal((ServiceRequestStatus.Authorised, false, 3_800m), (request.Status, request.AwaitingHandler, request.QuotedAmount));
        request.ReportServiceDone(null, null, At.AddDays(2));
        request.Invoice(" FP001 ", Yuan(3_800m), null, At.AddDays(3));
        Assert.Equal((ServiceRequestStatus.Invoiced, true, "FP001"), (request.Status, request.AwaitingHandler, request.InvoiceNumber));
        request.Acknowledge(Handler, At.AddDays(3));
        Assert.False(request.AwaitingHandler);
        Assert.Equal(
            [ServiceStepKind.Requested, ServiceStepKind.Quoted, ServiceStepKind.Quoted, ServiceStepKind.QuoteAccepted, ServiceStepKind.ServiceDone,
             ServiceStepKind.Invoiced, ServiceStepKind.Acknowledged],
            request.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var request = ServiceRequest.Create(ClaimKit.Complete(), Shop(), "拖车", Handler, At);
        Assert.Equal("Claim.Service.NoQuote", Assert.Throws<DomainException>(() => request.AcceptQuote(Handler, At)).Code);
        Assert.Equal("Claim.Service.NotAuthorised", Assert.Throws<DomainException>(() => request.ReportServiceDone(null, null, At)).Code);
        Assert.Equal("Claim.Service.NotDone", Assert.Throws<DomainException>(() => request.Invoice("FP1", Yuan(1m), null, At)).Code);
        request.Quote(Yuan(500m), null, null, At);
        request.RejectQuote("价格偏高", Handler, At);
        Assert.Equal(ServiceRequestStatus.Requested, request.Status);
        request.Quote(Yuan(450m), null, null, At);
        request.AcceptQuote(Handler, At);
        request.ReportServiceDone(null, null, At);
        Assert.Equal("Claim.Service.InvoiceAboveQuote", Assert.Throws<DomainException>(() => request.Invoice("FP1", Yuan(450.01m), null, At)).Code);
        Assert.Equal("Claim.Service.CannotCancel", Assert.Throws<DomainException>(() => request.Cancel("x", Handler, At)).Code);
    }

    [Fact]
    public void A_cancelled_request_takes_nothing_more_and_an_inactive_vendor_or_closed_claim_gets_no_request()
    {
        var request = ServiceRequest.Create(ClaimKit.Complete(), Shop(), "公估", Handler, At);
        request.Cancel("客户自行维修", Handler, At);
        Assert.Equal("Claim.Service.Cancelled", Assert.Throws<DomainException>(() => request.AddVendorMessage("?", null, At)).Code);
        Assert.Equal("Claim.Service.VendorInactive", Assert.Throws<DomainException>(() => ServiceRequest.Create(ClaimKit.Complete(), Shop(active: false), "x", Handler, At)).Code);
        Assert.Equal("Claim.Closed", Assert.Throws<DomainException>(() => ServiceRequest.Create(ClaimKit.Closed(), Shop(), "x", Handler, At)).Code);
    }
}
