using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Domain.Policies;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// The case's business events (CaseReported, CasePolicyVerified, CaseCancelled, PersonalDataRevealed, …)
/// and its field changes; changes made by a request that also wrote an event show as that event only.
/// </summary>
public sealed class CaseAuditTimelineSource(AnxinDbContext db, IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText)
    : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var id = subject.Id.ToString();
        const string type = nameof(Case);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id && (a.Kind == AuditKind.Event || a.Action == "Modified")
                && a.Action != CaseMessages.QueuedEvent)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(GetCaseTimelineHandler.MaxEntries * 4)
            .Select(a => new { a.At, a.Kind, a.Action, a.Field, a.OldValue, a.NewValue, a.ActorName, a.RequestId })
            .ToListAsync(ct);
        var eventRequests = rows.Where(r => r.Kind == AuditKind.Event && r.RequestId is not null).Select(r => r.RequestId).ToHashSet();
        var entries = rows.Where(r => r.Kind == AuditKind.Event)
            .Select(r => new CaseTimelineEntry(r.At, r.Action, r.ActorName, Describe(r.Action, r.NewValue)))
            .ToList();
        foreach (var change in rows.Where(r => r.Kind == AuditKind.Change && (r.RequestId is null || !eventRequests.Contains(r.RequestId)))
                     .GroupBy(r => (r.At, r.RequestId)))
        {
            entries.Add(new CaseTimelineEntry(change.Key.At, "CaseChanged", change.First().ActorName,
                string.Join("; ", change.Select(r => $"{r.Field}: {r.OldValue ?? "—"} → {r.NewValue ?? "—"}"))));
        }

        return entries;
    }

    /// <summary>
    /// The case events this module writes, in the reader's language ("BA… Motor Covered" becomes
    /// "BA… · 车险 · 在保且责任覆盖"); any other event's detail is shown as written.
    /// </summary>
    private string? Describe(string action, string? detail)
    {
        var text = new CaseLocalizer(caseText, sharedText);
        var parts = detail?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return action switch
        {
            "CaseReported" when parts.Length >= 3 && Enum.TryParse<ProductLine>(parts[1], out var line)
                && Enum.TryParse<CoverageOutcome>(parts[2], out var outcome) =>
                $"{parts[0]} · {text["ProductLine." + line].Value} · {CoverageText.Outcome(text, outcome)}",
            "CasePolicyVerified" when parts.Length >= 3 && Enum.TryParse<CoverageOutcome>(parts[2], out var verified) =>
                $"{parts[1]} · {CoverageText.Outcome(text, verified)}",
            _ => detail,
        };
    }
}

/// <summary>The case's service clocks (X-07): started, warned, breached, paused, resumed, stopped.</summary>
public sealed class CaseClockTimelineSource(AnxinDbContext db, IStringLocalizer<ClockText> clockText) : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var id = subject.Id.ToString();
        var clocks = await db.ServiceClocks.AsNoTracking()
            .Where(c => c.SubjectType == ReportLossHandler.SubjectType && c.SubjectId == id)
            .ToListAsync(ct);
        var entries = new List<CaseTimelineEntry>();
        foreach (var c in clocks)
        {
            var rule = clockText["Rule." + c.RuleCode].Value;
            entries.Add(new(c.StartedAt, "ClockStarted", null, $"{rule} → {Local(c.DeadlineAt)}"));
            if (c.WarnedAt is { } warned)
            {
                entries.Add(new(warned, "ClockWarned", null, $"{rule} → {Local(c.DeadlineAt)}"));
            }

            if (c.BreachedAt is { } breached)
            {
                entries.Add(new(breached, "ClockBreached", null, $"{rule} → {Local(c.DeadlineAt)}"));
            }

            if (c.StoppedAt is { } stopped)
            {
                entries.Add(new(stopped, "ClockStopped", null, $"{rule}: {clockText[c.Outcome == ClockOutcome.Breached ? "Breached" : "Met"].Value}"));
            }
        }

        // Pauses and resumptions live only in the clocks' own audit events.
        var ids = clocks.Select(c => c.Id.ToString()).ToList();
        if (ids.Count > 0)
        {
            var rules = clocks.ToDictionary(c => c.Id.ToString(), c => clockText["Rule." + c.RuleCode].Value);
            var changes = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Kind == AuditKind.Event && a.EntityType == nameof(ServiceClock) && ids.Contains(a.EntityId!)
                    && (a.Action == "ClockPaused" || a.Action == "ClockResumed"))
                .Select(a => new { a.At, a.Action, a.ActorName, a.EntityId, a.NewValue })
                .ToListAsync(ct);
            entries.AddRange(changes.Select(a => new CaseTimelineEntry(a.At, a.Action, a.ActorName, rules.GetValueOrDefault(a.EntityId!))));
        }

        return entries;
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Messages sent about the case (the reporter's SMS, …), found through <see cref="CaseMessages"/>: queued, then sent or failed.</summary>
public sealed class CaseMessageTimelineSource(AnxinDbContext db) : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var id = subject.Id.ToString();
        const string type = nameof(Case);
        var queued = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Kind == AuditKind.Event && a.EntityType == type && a.EntityId == id && a.Action == CaseMessages.QueuedEvent)
            .Select(a => new { a.NewValue, a.ActorName })
            .ToListAsync(ct);
        var actors = queued.Select(q => (Id: CaseMessages.MessageId(q.NewValue), q.ActorName)).Where(q => q.Id is not null)
            .GroupBy(q => q.Id!.Value).ToDictionary(g => g.Key, g => g.First().ActorName);
        if (actors.Count == 0)
        {
            return [];
        }

        // Found by id through the case's own audit trail: a message queued at another node still belongs on this case.
        var ids = actors.Keys.ToList();
        var messages = await db.Outbox.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Channel, m.TemplateCode, m.Recipient, m.State, m.CreatedAt, m.SentAt, m.Attempts, m.NextAttemptAt })
            .ToListAsync(ct);
        var entries = new List<CaseTimelineEntry>();
        foreach (var m in messages)
        {
            var recipient = m.Channel == MessageChannel.Sms ? Masking.Mobile(m.Recipient) : m.Channel == MessageChannel.Email ? Masking.Email(m.Recipient) : null;
            var detail = recipient is null ? m.TemplateCode : $"{m.TemplateCode} → {recipient}";
            entries.Add(new(m.CreatedAt, $"{m.Channel}Queued", actors.GetValueOrDefault(m.Id), detail));
            if (m.SentAt is { } sent)
            {
                entries.Add(new(sent, $"{m.Channel}Sent", null, detail));
            }
            else if (m.State == OutboxState.Failed)
            {
                entries.Add(new(m.NextAttemptAt, $"{m.Channel}Failed", null, $"{detail} ×{m.Attempts}"));
            }
        }

        return entries;
    }
}

/// <summary>Photos and documents added to the case, with their download links.</summary>
public sealed class CaseAttachmentTimelineSource(ListCaseAttachmentsHandler attachments) : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct) =>
        [.. (await attachments.HandleAsync(subject.Id, ct) ?? []).Select(a => new CaseTimelineEntry(a.UploadedAt, "AttachmentAdded", a.UploadedBy,
            $"{a.FileName} ({a.Size / 1024.0:0.#} KB)", a.Href(subject.Id)))];
}
