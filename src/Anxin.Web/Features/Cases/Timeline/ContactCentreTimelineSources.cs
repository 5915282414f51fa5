using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>The calls linked to the case (CC-01), with the caller's number masked.</summary>
public sealed class CaseCallsTimelineSource(AnxinDbContext db) : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var calls = await db.Calls.AsNoTracking().Where(c => c.CaseId == subject.Id)
            .Select(c => new { c.Id, c.StartedAt, c.AgentStaffId, c.CallerNumber, c.Type, c.AnsweredAt, c.EndedAt })
            .ToListAsync(ct);
        var names = await StaffNames.LoadAsync(db, calls.Select(c => (Guid?)c.AgentStaffId), ct);
        return [.. calls.Select(c => new CaseTimelineEntry(c.StartedAt, "CallLinked", names.GetValueOrDefault(c.AgentStaffId),
            $"{Masking.Mobile(c.CallerNumber)} {c.Type}{Duration(c.AnsweredAt, c.EndedAt)}".Trim(), $"/calls/{c.Id}"))];
    }

    private static string Duration(DateTimeOffset? answered, DateTimeOffset? ended) =>
        answered is { } a && ended is { } e ? " " + (e - a).ToString(@"mm\:ss", CultureInfo.InvariantCulture) : string.Empty;
}

/// <summary>Hand-overs and take-overs of the case (CC-05, CC-07) with their notes.</summary>
public sealed class CaseHandoversTimelineSource(AnxinDbContext db) : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var rows = await db.Handovers.AsNoTracking().Where(h => h.SubjectType == RequestKind.Case && h.SubjectId == subject.Id).ToListAsync(ct);
        var names = await StaffNames.LoadAsync(db, rows.SelectMany(h => new[] { h.FromStaffId, h.ToStaffId, h.ByStaffId }), ct);
        return [.. rows.Select(h => new CaseTimelineEntry(h.At, "Handover", h.ByStaffId is { } by ? names.GetValueOrDefault(by) : null,
            $"{(h.FromStaffId is { } from ? names.GetValueOrDefault(from) : "—")} → {names.GetValueOrDefault(h.ToStaffId)}: {h.Note}"))];
    }
}

/// <summary>Registration errors QA recorded against the case (CC-08) and their correction.</summary>
public sealed class CaseRegistrationErrorsTimelineSource(AnxinDbContext db) : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var rows = await db.RegistrationErrors.AsNoTracking().Where(e => e.SubjectType == RequestKind.Case && e.SubjectId == subject.Id).ToListAsync(ct);
        var entries = new List<CaseTimelineEntry>();
        foreach (var e in rows)
        {
            entries.Add(new(e.RecordedAt, "RegistrationErrorRecorded", null, $"{e.Category}: {e.Description}"));
            if (e.CorrectedAt is { } corrected)
            {
                entries.Add(new(corrected, "RegistrationErrorCorrected", null, e.CorrectionNote));
            }
        }

        return entries;
    }
}
