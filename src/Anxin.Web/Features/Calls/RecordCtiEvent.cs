using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>
/// One telephony event: <c>ringing</c>, <c>answered</c> or <c>ended</c> for the CTI call id.
/// <paramref name="Agent"/> is the agent's work number (工号) or staff id; <paramref name="At"/>
/// defaults to now; <paramref name="Direction"/> to <c>inbound</c>.
/// </summary>
public sealed record CtiEventRequest(string? CallId, string? Event, string? Agent, string? CallerNumber, string? CalleeNumber,
    string? Direction, DateTimeOffset? At, string? RecordingRef);

/// <param name="Duplicate">The call already had this event: nothing changed (a resend).</param>
public sealed record CtiEventOutcome(Guid Id, string CallId, CallState State, bool Duplicate, long Version);

/// <summary>
/// Applies a CTI event to the call log (CC-01) — the API's and the desk simulator's one path.
/// Idempotent per (call id, event): a resent event answers 200 with <c>duplicate: true</c>. The
/// first event of an unknown call opens it on the agent's node (the agent must lie in the
/// caller's scope); an event contradicting what is known is a 400 on <c>at</c>. After the commit
/// the agent gets a screen pop on every node.
/// </summary>
public sealed class RecordCtiEventHandler(AnxinDbContext db, CurrentUser me, TimeProvider time, ICallPopPublisher pops)
{
    /// <summary>How far from the server's clock an event time may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<CtiEventOutcome>> HandleAsync(CtiEventRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var callId = request.CallId?.Trim();
        errors.Required(nameof(request.CallId), callId);
        if (callId is { Length: > Call.MaxExternalIdLength })
        {
            errors.Add(nameof(request.CallId), "Validation.TooLong");
        }

        CallEvent? e = Parse<CallEvent>(request.Event);
        if (e is null)
        {
            errors.Add(nameof(request.Event), "Call.EventUnknown");
        }

        CallDirection? direction = string.IsNullOrWhiteSpace(request.Direction) ? CallDirection.Inbound : Parse<CallDirection>(request.Direction);
        if (direction is null)
        {
            errors.Add(nameof(request.Direction), "Call.DirectionUnknown");
        }

        var at = request.At ?? now;
        if (at < now - MaxAge || at > now + MaxSkew)
        {
            errors.Add(nameof(request.At), "Call.AtOutOfRange");
        }

        foreach (var (field, value) in new[] { (nameof(request.CallerNumber), request.CallerNumber), (nameof(request.CalleeNumber), request.CalleeNumber) })
        {
            if (value is not null && PhoneNumbers.TryNormalize(value) is null && !string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "Validation.Phone.Format");
            }
        }

        if (request.RecordingRef is { Length: > Call.MaxRecordingRefLength })
        {
            errors.Add(nameof(request.RecordingRef), "Validation.TooLong");
        }

        if (errors.Any)
        {
            return Result<CtiEventOutcome>.Invalid(errors.All);
        }

        // One retry: a concurrent first event of the same call (unique call id) or a concurrent
        // update (version) is re-read and applied again, which makes it a duplicate or a change.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyAsync(callId!, e!.Value, direction!.Value, at, request, ct);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Result<CtiEventOutcome>.Conflict();
            }
        }
    }

    private async Task<Result<CtiEventOutcome>> ApplyAsync(string callId, CallEvent e, CallDirection direction, DateTimeOffset at,
        CtiEventRequest request, CancellationToken ct)
    {
        var call = await db.Calls.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.ExternalId == callId, ct);
        CallEventOutcome outcome;
        try
        {
            if (call is null)
            {
                var agent = await FindAgentAsync(request.Agent, ct);
                if (agent is null)
                {
                    return Result<CtiEventOutcome>.Invalid(nameof(request.Agent), string.IsNullOrWhiteSpace(request.Agent) ? ValidationCodes.Required : "Call.AgentUnknown");
                }

                call = Call.Open(callId, direction, request.CallerNumber, request.CalleeNumber, agent, e, at);
                db.Calls.Add(call);
                outcome = CallEventOutcome.Applied;
            }
            else
            {
                if (!me.CanSee(call.OrgPath))
                {
                    return Result<CtiEventOutcome>.Forbidden();
                }

                outcome = call.Record(e, at);
            }

            if (request.RecordingRef is not null)
            {
                call.AttachRecording(request.RecordingRef);
            }
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return Result<CtiEventOutcome>.From(ex);
        }

        var changed = db.ChangeTracker.HasChanges();
        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }

        if (outcome == CallEventOutcome.Applied)
        {
            var userId = await db.Users.AsNoTracking().Where(u => u.StaffId == call.AgentStaffId).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (userId is { } u)
            {
                await pops.PublishAsync(u, call.Id, ct);
            }
        }

        return new CtiEventOutcome(call.Id, call.ExternalId, call.State, outcome == CallEventOutcome.Duplicate, call.Version);
    }

    /// <summary>An active member of staff in the caller's scope, by staff id or work number.</summary>
    private async Task<Domain.Organisation.Staff?> FindAgentAsync(string? agent, CancellationToken ct)
    {
        agent = agent?.Trim();
        if (string.IsNullOrEmpty(agent) || agent.Length > 64)
        {
            return null;
        }

        var staff = Guid.TryParse(agent, out var id)
            ? await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
            : await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.WorkNumber == agent, ct);
        return staff is { IsActive: true } ? staff : null;
    }

    private static T? Parse<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) ? parsed : null;
}
