using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>One call with its links (customer, case, recording); numbers masked.</summary>
public sealed record CallDetail(Guid Id, string ExternalId, CallDirection Direction, CallState State, CallType? Type,
    string CallerNumber, string CalleeNumber, Guid AgentStaffId, string? AgentName, string? AgentWorkNumber, Guid OrgNodeId, string? OrgNodeName,
    DateTimeOffset StartedAt, DateTimeOffset? RingingAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, int? TalkSeconds, bool IsMissed,
    Guid? CustomerId, string? CustomerName, string? CustomerNumber, Guid? CaseId, string? RecordingRef, string? Notes, long Version);

public sealed class GetCallHandler(AnxinDbContext db)
{
    /// <summary>Null when the call does not exist or lies outside the user's scope.</summary>
    public async Task<CallDetail?> HandleAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? null : await DescribeAsync(call, ct);
    }

    /// <summary>
    /// The customer-side number of a call in the user's scope, in clear, when it is a mobile: only to
    /// prefill the registration form of the caller (never shown in a list or detail).
    /// </summary>
    public async Task<string?> MobileToRegisterAsync(Guid id, CancellationToken ct)
    {
        var number = await db.Calls.AsNoTracking().Where(c => c.Id == id)
            .Select(c => c.Direction == CallDirection.Inbound ? c.CallerNumber : c.CalleeNumber).SingleOrDefaultAsync(ct);
        return MobileNumber.TryCreate(number, out var mobile) ? mobile.Value : null;
    }

    public async Task<CallDetail> DescribeAsync(Call c, CancellationToken ct)
    {
        var agent = await db.Staff.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == c.AgentStaffId)
            .Select(s => new { s.Name, s.WorkNumber }).SingleOrDefaultAsync(ct);
        var node = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).SingleOrDefaultAsync(ct);
        var customer = c.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(x => x.Id == customerId).Select(x => new { x.Name, x.Number }).SingleOrDefaultAsync(ct)
            : null;
        return new CallDetail(c.Id, c.ExternalId, c.Direction, c.State, c.Type, Masking.Mobile(c.CallerNumber), Masking.Mobile(c.CalleeNumber),
            c.AgentStaffId, agent?.Name, agent?.WorkNumber, c.OrgNodeId, node, c.StartedAt, c.RingingAt, c.AnsweredAt, c.EndedAt,
            c.TalkTime is { } talk ? (int)Math.Round(talk.TotalSeconds) : null, c.IsMissed,
            c.CustomerId, customer?.Name, customer?.Number, c.CaseId, c.RecordingRef, c.Notes, c.Version);
    }
}
