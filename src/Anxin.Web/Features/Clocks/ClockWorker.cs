using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Features.Clocks;

public sealed class ClockOptions
{
    /// <summary>Runs the background worker; off in the "Testing" environment unless set.</summary>
    public bool? WorkerEnabled { get; set; }

    public int PollSeconds { get; set; } = 15;

    public int BatchSize { get; set; } = 200;

    /// <summary>Time from breach to the second escalation; default the rule's own duration (at least five minutes).</summary>
    public int? EscalationGraceMinutes { get; set; }
}

/// <summary>
/// Looks at clocks whose next check is due: warns the owner, and on breach escalates to the
/// owner's supervisor, then after a grace period to a department manager. Each clock
/// is claimed through its version token, so with several app nodes no clock warns or
/// escalates twice: the node that loses the race gets a concurrency conflict and skips it.
/// </summary>
public sealed partial class ClockWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<ClockOptions> options, IHostEnvironment env,
    ILogger<ClockWorker> log) : BackgroundService
{
    public const string WarningTemplate = "Clock.Warning";
    public const string BreachTemplate = "Clock.Breach";
    private static readonly TimeSpan MinimumGrace = TimeSpan.FromMinutes(5);

    /// <summary>One pass over the due clocks; returns how many clocks changed.</summary>
    public async Task<int> EvaluateDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
            due = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.State == ClockState.Running
                    && (c.NextCheckAt <= now || (c.NextCheckAt == null && c.BreachedAt != null && c.EscalationLevel < 2)))
                .OrderBy(c => c.NextCheckAt)
                .Select(c => c.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
        }

        var changed = 0;
        foreach (var id in due)
        {
            if (await EvaluateAsync(id, now, ct))
            {
                changed++;
            }
        }

        return changed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.WorkerEnabled ?? !env.IsEnvironment("Testing")))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                await EvaluateDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> EvaluateAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        var clock = await db.ServiceClocks.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (clock is null || clock.State != ClockState.Running)
        {
            return false;
        }

        var events = clock.Evaluate(now);
        var owner = await OwnerAsync(db, clock, ct);
        if (events.HasFlag(ClockEvents.Warned))
        {
            db.AddAuditEvent("ClockWarned", nameof(ServiceClock), clock.Id, $"{clock.RuleCode} {clock.SubjectType}/{clock.SubjectId}", clock.OrgPath, now);
            foreach (var user in owner.UserIds)
            {
                db.Outbox.Add(Message(clock, user, WarningTemplate, 0, owner.Name, now));
            }
        }

        if (events.HasFlag(ClockEvents.Breached))
        {
            db.AddAuditEvent("ClockBreached", nameof(ServiceClock), clock.Id, $"{clock.RuleCode} {clock.SubjectType}/{clock.SubjectId}", clock.OrgPath, now);
        }

        if (clock.BreachedAt is { } breachedAt && clock.EscalationLevel < 2)
        {
            var nextAt = clock.EscalationLevel == 0 ? breachedAt : breachedAt + Grace(clock);
            if (now >= nextAt)
            {
                await EscalateAsync(db, clock, owner, now, ct);
            }

            if (clock.EscalationLevel < 2)
            {
                clock.CheckAgainAt(breachedAt + Grace(clock));
            }
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogClaimedElsewhere(clock.Id);
            return false;
        }
    }

    private async Task EscalateAsync(AnxinDbContext db, ServiceClock clock, Owner owner, DateTimeOffset now, CancellationToken ct)
    {
        var level = clock.EscalationLevel + 1;
        var role = level == 1 ? RoleCodes.Supervisor : RoleCodes.DepartmentManager;
        var chain = await OrgChain.LoadAsync(db, owner.OrgPath, ct);
        var ids = chain.Select(n => n.Id).ToList();
        var candidates = await (from u in db.Users
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                join s in db.Staff.IgnoreQueryFilters() on u.StaffId equals s.Id
                                where r.Name == role && s.IsActive && ids.Contains(s.OrgNodeId) && s.Id != clock.OwnerStaffId
                                select new { u.Id, s.OrgNodeId }).ToListAsync(ct);
        var nearest = chain.Reverse().FirstOrDefault(n => candidates.Any(c => c.OrgNodeId == n.Id));
        var recipients = nearest is null ? [] : candidates.Where(c => c.OrgNodeId == nearest.Id).Select(c => c.Id).Distinct().ToList();
        foreach (var user in recipients)
        {
            db.Outbox.Add(Message(clock, user, BreachTemplate, level, owner.Name, now));
        }

        if (recipients.Count == 0)
        {
            LogNoRecipient(clock.Id, role);
        }

        clock.Escalated();
        db.AddAuditEvent("ClockEscalated", nameof(ServiceClock), clock.Id,
            $"{clock.RuleCode} {clock.SubjectType}/{clock.SubjectId} level {level} → {role} {string.Join(',', recipients)}", clock.OrgPath, now);
    }

    private TimeSpan Grace(ServiceClock clock)
    {
        if (options.Value.EscalationGraceMinutes is { } minutes)
        {
            return TimeSpan.FromMinutes(Math.Max(0, minutes));
        }

        var duration = clock.DeadlineAt - clock.StartedAt - clock.Paused;
        return duration > MinimumGrace ? duration : MinimumGrace;
    }

    private static async Task<Owner> OwnerAsync(AnxinDbContext db, ServiceClock clock, CancellationToken ct)
    {
        if (clock.OwnerStaffId is not { } staffId)
        {
            return new Owner(null, clock.OrgPath, []);
        }

        var staff = await db.Staff.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == staffId)
            .Select(s => new { s.Name, s.OrgPath }).SingleOrDefaultAsync(ct);
        var users = await db.Users.Where(u => u.StaffId == staffId).Select(u => u.Id).ToListAsync(ct);
        return new Owner(staff?.Name, staff?.OrgPath ?? clock.OrgPath, users);
    }

    private static OutboxMessage Message(ServiceClock clock, Guid userId, string template, int level, string? ownerName, DateTimeOffset now) =>
        OutboxMessage.Create(MessageChannel.InApp, userId.ToString(), template, JsonSerializer.Serialize(new
        {
            clockId = clock.Id,
            ruleCode = clock.RuleCode,
            subjectType = clock.SubjectType,
            subjectId = clock.SubjectId,
            deadlineAt = clock.DeadlineAt,
            level,
            owner = ownerName,
        }), clock.OrgNodeId, clock.OrgPath, now);

    [LoggerMessage(Level = LogLevel.Error, Message = "Clock worker pass failed")]
    private partial void LogPassFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Clock {ClockId} was evaluated by another worker; skipped")]
    private partial void LogClaimedElsewhere(Guid clockId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clock {ClockId} breached but no {Role} found up the organisation tree")]
    private partial void LogNoRecipient(Guid clockId, string role);

    private sealed record Owner(string? Name, string OrgPath, IReadOnlyList<Guid> UserIds);
}
