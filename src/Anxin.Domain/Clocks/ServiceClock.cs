using Anxin.Domain.Common;

namespace Anxin.Domain.Clocks;

public enum ClockState
{
    Running = 1,
    Paused = 2,
    Stopped = 3,
}

public enum ClockOutcome
{
    Met = 1,
    Breached = 2,
}

/// <summary>What evaluating a clock at a moment found, each at most once per clock.</summary>
[Flags]
public enum ClockEvents
{
    None = 0,
    Warned = 1,
    Breached = 2,
}

/// <summary>
/// A customer-facing commitment (时效, X-07) on one business object: a deadline under a rule,
/// pauses that do not count, a warning at a share of the time, a breach at the deadline and
/// the final record of whether it was met and by how much.
/// </summary>
public sealed class ServiceClock : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    private ServiceClock()
    {
    }

    public Guid Id { get; private set; }

    public string RuleCode { get; private set; } = string.Empty;

    public string SubjectType { get; private set; } = string.Empty;

    public string SubjectId { get; private set; } = string.Empty;

    /// <summary>The staff member who owns the commitment; escalation goes up from their node.</summary>
    public Guid? OwnerStaffId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public DeadlineUnit Unit { get; private set; }

    public int Amount { get; private set; }

    public int WarnPercent { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public DateTimeOffset WarnAt { get; private set; }

    public ClockState State { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    public string? PauseReason { get; private set; }

    public long PausedTicks { get; private set; }

    public DateTimeOffset? WarnedAt { get; private set; }

    public DateTimeOffset? BreachedAt { get; private set; }

    public int EscalationLevel { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public ClockOutcome? Outcome { get; private set; }

    /// <summary>Deadline minus stop time: positive when met early, negative when late.</summary>
    public long? MarginTicks { get; private set; }

    /// <summary>When the background worker must look at this clock next (null: nothing due).</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public TimeSpan Paused => TimeSpan.FromTicks(PausedTicks);

    /// <param name="promisedBy">
    /// A deadline promised to the customer before the rule's own (e.g. a consultation reply the agent
    /// promised for this afternoon): the clock runs to the earlier of the two.
    /// </param>
    public static ServiceClock Start(ClockRule rule, string subjectType, string subjectId, Guid orgNodeId, string orgPath,
        Guid? ownerStaffId, DateTimeOffset at, WorkingCalendar calendar, DateTimeOffset? promisedBy = null)
    {
        // Stored in UTC: calendar arithmetic returns local (+08:00) instants, which PostgreSQL's timestamptz refuses.
        at = at.ToUniversalTime();
        var deadline = DeadlineCalculator.Deadline(at, rule.Amount, rule.Unit, calendar).ToUniversalTime();
        if (promisedBy is { } promised && promised.ToUniversalTime() > at && promised.ToUniversalTime() < deadline)
        {
            deadline = promised.ToUniversalTime();
        }
        var clock = new ServiceClock
        {
            Id = Guid.CreateVersion7(),
            RuleCode = rule.Code,
            SubjectType = subjectType,
            SubjectId = subjectId,
            OwnerStaffId = ownerStaffId,
            OrgNodeId = orgNodeId,
            OrgPath = orgPath,
            Unit = rule.Unit,
            Amount = rule.Amount,
            WarnPercent = rule.WarnPercent,
            StartedAt = at,
            DeadlineAt = deadline,
            WarnAt = at + ((deadline - at) * rule.WarnPercent / 100),
            State = ClockState.Running,
        };
        clock.ScheduleNextCheck();
        return clock;
    }

    /// <summary>Stops counting (e.g. waiting for the claimant's documents); the reason is kept.</summary>
    public void Pause(string reason, DateTimeOffset at)
    {
        if (State != ClockState.Running)
        {
            throw new DomainException("Clock.NotRunning");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(ValidationCodes.Required, nameof(PauseReason));
        }

        State = ClockState.Paused;
        PausedAt = at;
        PauseReason = reason.Trim();
        NextCheckAt = null;
    }

    /// <summary>Counts again: the deadline moves by the paused time, measured as the rule measures time.</summary>
    public void Resume(DateTimeOffset at, WorkingCalendar calendar)
    {
        if (State != ClockState.Paused || PausedAt is not { } pausedAt)
        {
            throw new DomainException("Clock.NotPaused");
        }

        if (at < pausedAt)
        {
            at = pausedAt;
        }

        DeadlineAt = Shift(DeadlineAt, pausedAt, at, calendar).ToUniversalTime();
        if (WarnedAt is null)
        {
            WarnAt = Shift(WarnAt, pausedAt, at, calendar).ToUniversalTime();
        }

        PausedTicks += (at - pausedAt).Ticks;
        PausedAt = null;
        State = ClockState.Running;
        ScheduleNextCheck();
    }

    /// <summary>Records a warning and a breach the first time each is due; returns what happened now.</summary>
    public ClockEvents Evaluate(DateTimeOffset now)
    {
        if (State != ClockState.Running)
        {
            return ClockEvents.None;
        }

        var events = ClockEvents.None;
        if (WarnedAt is null && now >= WarnAt)
        {
            WarnedAt = now;
            events |= ClockEvents.Warned;
        }

        if (BreachedAt is null && now >= DeadlineAt)
        {
            BreachedAt = now;
            events |= ClockEvents.Breached;
        }

        ScheduleNextCheck();
        return events;
    }

    /// <summary>The commitment moves with its business object to a new owner (e.g. a hand-over); warnings and escalation follow them.</summary>
    public void ChangeOwner(Guid? ownerStaffId)
    {
        if (State == ClockState.Stopped)
        {
            throw new DomainException("Clock.AlreadyStopped");
        }

        OwnerStaffId = ownerStaffId;
    }

    /// <summary>Notes that the breach went one level further up (supervisor, then manager).</summary>
    public void Escalated() => EscalationLevel++;

    /// <summary>Asks the worker to look again at a breached clock (the next escalation level is due then).</summary>
    public void CheckAgainAt(DateTimeOffset at)
    {
        if (State != ClockState.Stopped)
        {
            NextCheckAt = at;
        }
    }

    /// <summary>The commitment was fulfilled (or the object closed): records met or breached and by how much.</summary>
    public void Stop(DateTimeOffset at, WorkingCalendar calendar)
    {
        if (State == ClockState.Stopped)
        {
            throw new DomainException("Clock.AlreadyStopped");
        }

        if (State == ClockState.Paused)
        {
            Resume(at, calendar);
        }

        State = ClockState.Stopped;
        StoppedAt = at;
        Outcome = at <= DeadlineAt ? ClockOutcome.Met : ClockOutcome.Breached;
        MarginTicks = (DeadlineAt - at).Ticks;
        NextCheckAt = null;
    }

    public void BumpVersion() => Version++;

    private DateTimeOffset Shift(DateTimeOffset point, DateTimeOffset pausedAt, DateTimeOffset resumedAt, WorkingCalendar calendar)
    {
        if (!Unit.CountsWorkingTime())
        {
            return point + (resumedAt - pausedAt);
        }

        var remaining = DeadlineCalculator.WorkingTimeBetween(pausedAt, point, calendar);
        return remaining <= TimeSpan.Zero ? point + (resumedAt - pausedAt) : DeadlineCalculator.AddWorkingTime(resumedAt, remaining, calendar);
    }

    private void ScheduleNextCheck() => NextCheckAt = WarnedAt is null ? WarnAt : BreachedAt is null ? DeadlineAt : null;
}
