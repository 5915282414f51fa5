using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

public sealed record CoverageView(CoverageOutcome Outcome, IReadOnlyList<CoverageReason> Reasons);

/// <summary>A case as the API and the case page show it; personal data masked.</summary>
public sealed record CaseDetail(
    Guid Id,
    string Number,
    CaseStatus Status,
    ProductLine Line,
    IntakeChannel Channel,
    Guid? InsurerId,
    string? InsurerCode,
    string? InsurerName,
    Guid? PolicyId,
    string? PolicyNumber,
    bool PolicyVerified,
    CoverageView Coverage,
    Guid? CustomerId,
    Guid? CallId,
    string ReporterName,
    string ReporterMobile,
    string? ReporterIdNumber,
    string? ContactName,
    string? ContactMobile,
    string? Plate,
    DateTimeOffset LossAt,
    DateTimeOffset ReportedAt,
    string LossPlace,
    double? Latitude,
    double? Longitude,
    Peril Cause,
    string Description,
    string? LossDescription,
    bool Injuries,
    string? InjuryDetails,
    string? ThirdParties,
    Guid? OwnerStaffId,
    string? OwnerName,
    string OrgNodeName,
    long Version)
{
    /// <summary>Loads a case the current actor may see (both data filters apply).</summary>
    public static async Task<CaseDetail?> LoadAsync(AnxinDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                Case = c,
                Insurer = db.Insurers.Where(i => i.Id == c.InsurerId).Select(i => new { i.Code, i.Name }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var c = row.Case;

        // Names outside the reader's scope, each in a query of its own (IgnoreQueryFilters inside the case query would lift its filters).
        var owner = (await StaffNames.LoadAsync(db, [c.OwnerStaffId], ct)).GetValueOrDefault(c.OwnerStaffId ?? Guid.Empty);
        var nodeName = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return From(c, row.Insurer?.Code, row.Insurer?.Name, owner, nodeName ?? string.Empty);
    }

    /// <summary>The view of a case in hand (times in UTC, as they come back from the database).</summary>
    public static CaseDetail From(Case c, string? insurerCode, string? insurerName, string? ownerName, string nodeName) =>
        new(c.Id, c.Number, c.Status, c.Line, c.Channel, c.InsurerId, insurerCode, insurerName, c.PolicyId,
            c.PolicyNumber, c.PolicyVerified, new CoverageView(c.CoverageOutcome, c.CoverageReasonList), c.CustomerId, c.CallId,
            Masking.Name(c.ReporterName), Masking.Mobile(c.ReporterMobile), c.ReporterIdNumber is null ? null : Masking.IdNumber(c.ReporterIdNumber),
            c.ContactName is null ? null : Masking.Name(c.ContactName), c.ContactMobile is null ? null : Masking.Mobile(c.ContactMobile),
            c.Plate, c.LossAt.ToUniversalTime(), c.ReportedAt.ToUniversalTime(), c.LossPlace, c.Latitude, c.Longitude, c.Cause, c.Description,
            c.LossDescription, c.Injuries, c.InjuryDetails, c.ThirdParties, c.OwnerStaffId, ownerName, nodeName, c.Version);
}
