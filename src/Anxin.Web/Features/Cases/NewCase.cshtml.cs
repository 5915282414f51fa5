using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// The loss-report intake form (接报案, CC-03) for an agent on the phone: prefilled from the call
/// (?callId=&amp;customerId=&amp;mobile=), a live policy lookup beside it, every error on its field with
/// nothing typed lost, and on success the confirmation page with the case number.
/// </summary>
[HasPermission(Permissions.Cases.Report)]
[RequestSizeLimit(CaseEndpoints.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseEndpoints.UploadLimit)]
public sealed class NewCaseModel(ReportLossHandler report, AnxinDbContext db, CurrentUser me, TimeProvider time,
    IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    /// <summary>The insurer choice for "our own business" (the API's blank insurer code).</summary>
    public const string OwnBusiness = "OWN";

    public static readonly string[] LossAtFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-M-d H:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-dd"];

    [BindProperty]
    public LossReportInput Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Insurers { get; private set; } = [];

    /// <summary>False for an insurer's own staff: they report for their insurer only.</summary>
    public bool MayChooseOwnBusiness => me.InsurerScope is null;

    /// <summary>The linked customer, as the agent may see it (masked).</summary>
    public (Guid Id, string Number, string Name, string MaskedMobile)? Customer { get; private set; }

    /// <summary>Files were chosen but the report failed: a browser cannot keep them, the agent must pick them again.</summary>
    public bool FilesNeedChoosingAgain { get; private set; }

    public CaseLocalizer Text => new(caseText, sharedText);

    public async Task OnGetAsync(Guid? callId, Guid? customerId, string? mobile, CancellationToken ct)
    {
        Input = new LossReportInput
        {
            CallId = callId,
            CustomerId = customerId,
            ReporterMobile = MobileNumber.TryCreate(mobile, out var m) ? m.Value : null,
            LossAt = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
        await LoadAsync(ct);
        if (!MayChooseOwnBusiness && Insurers.Count == 1)
        {
            Input.InsurerCode = Insurers[0].Code;
        }

        if (Customer is { } c)
        {
            Input.ReporterName = c.Name;
        }
        else
        {
            Input.CustomerId = null;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var uploads = AttachmentUpload.From(Input.Files);
        var (request, parseErrors) = Input.ToRequest();
        ModelState.Clear();
        Result<CaseDetail> result;
        if (parseErrors.Any)
        {
            // Text that is not a time or a coordinate: report it with the other problems, register nothing.
            var errors = new FieldErrors();
            LossReportValidation.Validate(request, IntakeChannel.Phone, time.GetUtcNow(), errors);
            var parsed = parseErrors.All.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            result = Result<CaseDetail>.Invalid([.. parseErrors.All, .. errors.All.Where(e => !parsed.Contains(e.Field))]);
        }
        else
        {
            result = await report.HandleAsync(request, ct, uploads);
        }

        if (result.IsOk)
        {
            return Redirect($"/cases/{result.Value!.Id}/reported");
        }

        result.AddTo(ModelState, Text);
        FilesNeedChoosingAgain = uploads.Count > 0;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Insurers = [.. (await db.Insurers.Where(i => i.IsActive && (me.InsurerScope == null || i.Id == me.InsurerScope))
            .Select(i => new { i.Code, i.Name }).ToListAsync(ct)).OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i.Code, i.Name))];
        Customer = null;
        if (Input.CustomerId is { } id && await db.Customers.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.Id, c.Number, c.Name, c.Mobile }).SingleOrDefaultAsync(ct) is { } customer)
        {
            Customer = (customer.Id, customer.Number, customer.Name, Masking.Mobile(customer.Mobile));
        }
    }

    /// <summary>The form as typed: text stays text until the report is checked, so nothing is ever lost on an error.</summary>
    public sealed class LossReportInput
    {
        /// <summary>An insurer code, <see cref="OwnBusiness"/>, or blank (not chosen yet).</summary>
        public string? InsurerCode { get; set; }

        public string? PolicyNumber { get; set; }

        public string? Plate { get; set; }

        public ProductLine? Line { get; set; }

        public string? ReporterName { get; set; }

        public string? ReporterMobile { get; set; }

        public string? ReporterIdNumber { get; set; }

        public string? ContactName { get; set; }

        public string? ContactMobile { get; set; }

        /// <summary>China time, <c>yyyy-MM-dd HH:mm</c>.</summary>
        public string? LossAt { get; set; }

        public string? LossPlace { get; set; }

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        public Peril? Cause { get; set; }

        public string? Description { get; set; }

        public string? LossDescription { get; set; }

        public bool Injuries { get; set; }

        public string? InjuryDetails { get; set; }

        public string? ThirdParties { get; set; }

        public Guid? CallId { get; set; }

        public Guid? CustomerId { get; set; }

        public List<IFormFile> Files { get; set; } = [];

        public (ReportLossRequest Request, FieldErrors ParseErrors) ToRequest()
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(InsurerCode))
            {
                errors.Add(nameof(InsurerCode), "Case.ChooseInsurer");
            }

            DateTimeOffset? lossAt = null;
            if (!string.IsNullOrWhiteSpace(LossAt))
            {
                if (DateTime.TryParseExact(LossAt.Trim(), LossAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
                {
                    lossAt = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(8));
                }
                else
                {
                    errors.Add(nameof(LossAt), "Case.LossAtFormat");
                }
            }

            var latitude = Coordinate(nameof(Latitude), Latitude, errors);
            var longitude = Coordinate(nameof(Longitude), Longitude, errors);
            var insurer = InsurerCode?.Trim() is { Length: > 0 } code && !string.Equals(code, OwnBusiness, StringComparison.OrdinalIgnoreCase) ? code : null;
            return (new ReportLossRequest(insurer, PolicyNumber, Plate, Line, ReporterName, ReporterMobile, ReporterIdNumber, ContactName, ContactMobile,
                lossAt, LossPlace, latitude, longitude, Cause, Description, LossDescription, Injuries, InjuryDetails, ThirdParties, CallId, CustomerId), errors);
        }

        private static double? Coordinate(string field, string? text, FieldErrors errors)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            errors.Add(field, "Case.Coordinate");
            return null;
        }
    }
}
