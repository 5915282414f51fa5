using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>A call as the desk and the log show it; the number is masked.</summary>
public sealed record CallSummary(Guid Id, string ExternalId, CallDirection Direction, CallState State, string Number,
    DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, CallType? Type, Guid? CustomerId, Guid? CaseId, long Version)
{
    public bool IsMissed => State == CallState.Ended && AnsweredAt is null;

    public static CallSummary From(Call c) => new(c.Id, c.ExternalId, c.Direction, c.State, Masking.Mobile(c.CustomerNumber),
        c.StartedAt, c.AnsweredAt, c.EndedAt, c.Type, c.CustomerId, c.CaseId, c.Version);
}

/// <summary>
/// The screen pop (CC-01) an agent's open pages receive on the hub method <c>call</c> when a call
/// rings, is answered or ends: the call, the caller's record and open items, and the script of
/// the current step with the agent's work number filled in.
/// </summary>
public sealed record ScreenPop(CallSummary Call, CallerContext Caller, ScriptLine? Script);

/// <summary>Tells the agent's open pages about a committed change of a call. Call only after SaveChanges; never throws.</summary>
public interface ICallPopPublisher
{
    Task PublishAsync(Guid userId, Guid callId, CancellationToken ct = default);
}

/// <summary>Builds a screen pop for the user the call belongs to, with that user's data scope and permissions.</summary>
public sealed class BuildScreenPopHandler(AnxinDbContext db, GetCallerContextHandler callers, AgentScriptsHandler scripts)
{
    public async Task<ScreenPop?> HandleAsync(Guid userId, Guid callId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.StaffId, u.ScopeNodeId }).SingleOrDefaultAsync(ct);
        var staff = user?.StaffId is { } staffId
            ? await db.Staff.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == staffId && s.IsActive)
                .Select(s => new { s.OrgPath, s.WorkNumber }).SingleOrDefaultAsync(ct)
            : null;
        var call = await db.Calls.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (user is null || staff is null || call is null)
        {
            return null;
        }

        // The same scope and permission the user's own requests get (PermissionClaimsLoader).
        var scopePath = user.ScopeNodeId is { } wider
            ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == wider).Select(n => n.Path).SingleOrDefaultAsync(ct) ?? staff.OrgPath
            : staff.OrgPath;
        var canSeeCustomers = await (from ur in db.UserRoles
                                     join p in db.RolePermissions on ur.RoleId equals p.RoleId
                                     where ur.UserId == userId && p.Permission == Permissions.Customers.View
                                     select p).AnyAsync(ct);
        var viewer = new CallViewer(AnxinClaims.ScopeFor(scopePath), canSeeCustomers);
        var caller = await callers.BuildAsync(call, viewer, ct);
        var step = CallScripts.CurrentStep(call.Type);
        var script = (await scripts.ForAsync(staff.OrgPath, staff.WorkNumber, ct)).FirstOrDefault(s => s.Step == step);
        return new ScreenPop(CallSummary.From(call), caller, script);
    }
}

/// <summary>
/// Pushes screen pops to the user's connections on this node (the <c>user:{id}</c> group of the
/// notifications hub) and, as an <see cref="ILiveChannel"/>, receives the NOTIFYs of other nodes.
/// </summary>
public sealed partial class CallPopPusher(IServiceScopeFactory scopes, IHubContext<NotificationsHub> hub, ConnectedUsers connected,
    ILogger<CallPopPusher> log) : ILiveChannel
{
    public const string Channel = "anxin_calls";

    /// <summary>The client method a screen pop arrives on.</summary>
    public const string Method = "call";

    public string Name => Channel;

    public async Task PushAsync(Guid userId, Guid callId, CancellationToken ct)
    {
        if (!connected.IsConnected(userId))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pop = await scope.ServiceProvider.GetRequiredService<BuildScreenPopHandler>().HandleAsync(userId, callId, ct);
            if (pop is not null)
            {
                await hub.Clients.Group(NotificationsHub.Group(userId)).SendAsync(Method, pop, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPushFailed(log, callId, e.GetType().Name);
        }
    }

    public Task DeliverAsync(string payload, CancellationToken ct)
    {
        try
        {
            return JsonSerializer.Deserialize<CallPopPayload>(payload) is { } p ? PushAsync(p.U, p.C, ct) : Task.CompletedTask;
        }
        catch (JsonException)
        {
            return Task.CompletedTask;
        }
    }

    // Ids only: pops carry personal data.
    [LoggerMessage(LogLevel.Warning, "Screen pop for call {CallId} failed ({Error})")]
    private static partial void LogPushFailed(ILogger logger, Guid callId, string error);
}

/// <summary>The NOTIFY payload of a screen pop: ids only.</summary>
public sealed record CallPopPayload(Guid U, Guid C);

/// <summary>Single node (SQLite): push straight to this node's hub.</summary>
public sealed class LocalCallPopPublisher(CallPopPusher pusher) : ICallPopPublisher
{
    public Task PublishAsync(Guid userId, Guid callId, CancellationToken ct = default) => pusher.PushAsync(userId, callId, ct);
}

/// <summary>Several nodes (PostgreSQL): <c>NOTIFY anxin_calls</c>; the node holding the agent's connection builds and sends the pop.</summary>
public sealed partial class PostgresCallPopPublisher(IServiceScopeFactory scopes, ILogger<PostgresCallPopPublisher> log) : ICallPopPublisher
{
    public async Task PublishAsync(Guid userId, Guid callId, CancellationToken ct = default)
    {
        try
        {
            await PostgresNotify.SendAsync(scopes, CallPopPusher.Channel, new CallPopPayload(userId, callId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotifyFailed(log, callId, e.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "NOTIFY for the screen pop of call {CallId} failed ({Error})")]
    private static partial void LogNotifyFailed(ILogger logger, Guid callId, string error);
}
