using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

/// <summary>
/// Starts, pauses, resumes and stops service clocks for any module. Every method only
/// adds or changes rows in the caller's DbContext, with an explicit audit event: the caller
/// saves them together with its business change, in one transaction.
/// </summary>
public sealed class ServiceClocks(AnxinDbContext db, ICalendarProvider calendars, ShortCache cache, TimeProvider time)
{
    public const string RuleCacheKey = "clockrule:";

    /// <summary>
    /// Starts the clock of <paramref name="ruleCode"/> (as configured at the node) on a business
    /// object; returns the running one if that object already has it.
    /// </summary>
    public Task<ServiceClock> StartAsync(string ruleCode, string subjectType, string subjectId, Guid orgNodeId, Guid? ownerStaffId,
        CancellationToken ct = default) => StartAsync(ruleCode, subjectType, subjectId, orgNodeId, ownerStaffId, null, null, null, ct);

    /// <summary>
    /// As above; <paramref name="amount"/> (when given) replaces the node's amount where a
    /// commissioning insurer sets its own commitment. The unit and warning share stay the rule's.
    /// </summary>
    public Task<ServiceClock> StartAsync(string ruleCode, string subjectType, string subjectId, Guid orgNodeId, Guid? ownerStaffId,
        int? amount, CancellationToken ct = default) => StartAsync(ruleCode, subjectType, subjectId, orgNodeId, ownerStaffId, amount, null, null, ct);

    /// <summary>As above; <paramref name="promisedBy"/> is an earlier deadline promised to the customer (see <see cref="ServiceClock.Start"/>).</summary>
    public Task<ServiceClock> StartAsync(string ruleCode, string subjectType, string subjectId, Guid orgNodeId, Guid? ownerStaffId,
        DateTimeOffset? promisedBy, CancellationToken ct = default) => StartAsync(ruleCode, subjectType, subjectId, orgNodeId, ownerStaffId, null, promisedBy, null, ct);

    /// <summary>
    /// As above, for a commitment that began before it was recorded (a claim made at the counter an
    /// hour ago): <paramref name="startedAt"/>, never later than now.
    /// </summary>
    public Task<ServiceClock> StartAsOfAsync(string ruleCode, string subjectType, string subjectId, Guid orgNodeId, Guid? ownerStaffId,
        DateTimeOffset startedAt, CancellationToken ct = default) =>
        StartAsync(ruleCode, subjectType, subjectId, orgNodeId, ownerStaffId, null, null, startedAt, ct);

    private async Task<ServiceClock> StartAsync(string ruleCode, string subjectType, string subjectId, Guid orgNodeId, Guid? ownerStaffId,
        int? amount, DateTimeOffset? promisedBy, DateTimeOffset? startedAt, CancellationToken ct)
    {
        var existing = await FindActiveAsync(subjectType, subjectId, ruleCode, ct);
        if (existing is not null)
        {
            return existing;
        }

        var path = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == orgNodeId).Select(n => n.Path).SingleOrDefaultAsync(ct)
            ?? throw new ArgumentException($"Unknown organisation node {orgNodeId}.", nameof(orgNodeId));
        var rule = await ClockRuleBook.FindAsync(db, ruleCode, path, ct)
            ?? throw new ArgumentException($"Unknown clock rule {ruleCode}: add it to DefaultClockRules.", nameof(ruleCode));
        if (amount is > 0 and var own)
        {
            rule = rule with { Amount = own };
        }

        var now = time.GetUtcNow();
        if (startedAt is { } given && given < now)
        {
            now = given.ToUniversalTime();
        }

        var clock = ServiceClock.Start(rule, subjectType, subjectId, orgNodeId, path, ownerStaffId, now, await calendars.ForNodeAsync(path, ct), promisedBy);
        db.ServiceClocks.Add(clock);
        db.AddAuditEvent("ClockStarted", nameof(ServiceClock), clock.Id, StartedDetail(rule, clock), path, now);
        return clock;
    }

    /// <summary>
    /// A clock for a business object that is being created (so none can be running yet), with its
    /// ClockStarted audit event, added to no context: for writers that insert rows themselves (the
    /// intake group commit). The rule and calendar in force at the node come from a short cache.
    /// </summary>
    public async Task<(ServiceClock Clock, AuditEntry Started)> PrepareStartAsync(string ruleCode, string subjectType, string subjectId,
        Guid orgNodeId, string orgPath, Guid? ownerStaffId, Actor actor, CancellationToken ct = default)
    {
        var rule = await RuleInForceAsync(cache, db, ruleCode, orgPath, ct)
            ?? throw new ArgumentException($"Unknown clock rule {ruleCode}: add it to DefaultClockRules.", nameof(ruleCode));
        var now = time.GetUtcNow();
        var clock = ServiceClock.Start(rule, subjectType, subjectId, orgNodeId, orgPath, ownerStaffId, now, await calendars.ForNodeAsync(orgPath, ct));
        var started = AuditEntry.Event(now, "ClockStarted", nameof(ServiceClock), clock.Id.ToString(), StartedDetail(rule, clock), actor, orgPath);
        return (clock, started);
    }

    /// <summary>The rule in force at the node, from the node's short cache (an edit on this node clears it at once).</summary>
    public static Task<ClockRule?> RuleInForceAsync(ShortCache cache, AnxinDbContext db, string ruleCode, string orgPath, CancellationToken ct) =>
        cache.GetAsync(RuleCacheKey + ruleCode + ":" + orgPath, c => ClockRuleBook.FindAsync(db, ruleCode, orgPath, c), ct);

    private static string StartedDetail(ClockRule rule, ServiceClock clock) =>
        $"{rule.Code} {clock.SubjectType}/{clock.SubjectId} {rule.Amount} {rule.Unit} → {clock.DeadlineAt:O}";

    public Task<Result<ServiceClock>> PauseAsync(string subjectType, string subjectId, string ruleCode, string reason, CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockPaused", reason, (clock, now, _) => clock.Pause(reason, now), ct);

    public Task<Result<ServiceClock>> ResumeAsync(string subjectType, string subjectId, string ruleCode, CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockResumed", null, (clock, now, calendar) => clock.Resume(now, calendar), ct);

    public Task<Result<ServiceClock>> StopAsync(string subjectType, string subjectId, string ruleCode, CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockStopped", null, (clock, now, calendar) => clock.Stop(now, calendar), ct);

    /// <summary>Pause, resume or stop as of <paramref name="at"/> (when it happened, never later than now).</summary>
    public Task<Result<ServiceClock>> PauseAsync(string subjectType, string subjectId, string ruleCode, string reason, DateTimeOffset at,
        CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockPaused", reason, (clock, now, _) => clock.Pause(reason, now), ct, at);

    public Task<Result<ServiceClock>> ResumeAsync(string subjectType, string subjectId, string ruleCode, DateTimeOffset at, CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockResumed", null, (clock, now, calendar) => clock.Resume(now, calendar), ct, at);

    public Task<Result<ServiceClock>> StopAsync(string subjectType, string subjectId, string ruleCode, DateTimeOffset at, CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockStopped", null, (clock, now, calendar) => clock.Stop(now, calendar), ct, at);
    /// <summary>Gives the running clock to a new owner (a hand-over): warnings and escalation follow the owner.</summary>
    public Task<Result<ServiceClock>> ChangeOwnerAsync(string subjectType, string subjectId, string ruleCode, Guid? ownerStaffId, CancellationToken ct = default) =>
        ChangeAsync(subjectType, subjectId, ruleCode, "ClockReassigned", ownerStaffId?.ToString(), (clock, _, _) => clock.ChangeOwner(ownerStaffId), ct);

    private async Task<Result<ServiceClock>> ChangeAsync(string subjectType, string subjectId, string ruleCode, string auditEvent, string? detail,
        Action<ServiceClock, DateTimeOffset, WorkingCalendar> change, CancellationToken ct, DateTimeOffset? at = null)
    {
        var clock = await FindActiveAsync(subjectType, subjectId, ruleCode, ct);
        if (clock is null)
        {
            return Result<ServiceClock>.NotFound();
        }

        var now = time.GetUtcNow();
        if (at is { } given && given < now)
        {
            now = given.ToUniversalTime();
        }

        try
        {
            change(clock, now, await calendars.ForNodeAsync(clock.OrgPath, ct));
        }
        catch (DomainException e)
        {
            return Result<ServiceClock>.From(e);
        }

        var outcome = clock.Outcome is { } o ? $" {o}" : string.Empty;
        db.AddAuditEvent(auditEvent, nameof(ServiceClock), clock.Id, $"{clock.RuleCode} {subjectType}/{subjectId}{outcome} {detail}".Trim(), clock.OrgPath, now);
        return clock;
    }

    // The query returns the tracked instance when there is one: a clock stopped earlier in this
    // unit of work (but not saved yet) still matches in the database and must not count as running,
    // so that a use case can stop a clock and start the same rule again (a reassignment) in one save.
    private async Task<ServiceClock?> FindActiveAsync(string subjectType, string subjectId, string ruleCode, CancellationToken ct) =>
        db.ServiceClocks.Local.FirstOrDefault(c => c.SubjectType == subjectType && c.SubjectId == subjectId && c.RuleCode == ruleCode && c.State != ClockState.Stopped)
        ?? (await db.ServiceClocks.IgnoreQueryFilters()
            .Where(c => c.SubjectType == subjectType && c.SubjectId == subjectId && c.RuleCode == ruleCode && c.State != ClockState.Stopped)
            .OrderByDescending(c => c.StartedAt)
            .FirstOrDefaultAsync(ct) is { State: not ClockState.Stopped } running ? running : null);
}
