using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>What the agent desktop shows: the current call with the caller's context, the scripts, the latest calls.</summary>
public sealed record DeskView(CallDetail? Call, CallerContext? Caller, IReadOnlyList<ScriptLine> Scripts, ScriptStep CurrentStep,
    IReadOnlyList<CallListItem> Recent)
{
    public ScriptLine? CurrentScript => Scripts.FirstOrDefault(s => s.Step == CurrentStep);
}

/// <summary>
/// The agent desktop (CC-01, CC-02). The current call is the one asked for, else the agent's
/// latest call of the last <see cref="CurrentWindow"/> that is still going or not yet classified.
/// </summary>
public sealed class GetDeskHandler(AnxinDbContext db, CurrentUser me, TimeProvider time, GetCallHandler calls,
    GetCallerContextHandler callers, AgentScriptsHandler scripts, ListCallsHandler list)
{
    public static readonly TimeSpan CurrentWindow = TimeSpan.FromHours(12);

    public const int RecentCount = 5;

    public async Task<DeskView> HandleAsync(Guid? callId, CancellationToken ct)
    {
        if (me.StaffId is not { } staffId)
        {
            return new DeskView(null, null, [], ScriptStep.Greeting, []);
        }

        var since = time.GetUtcNow() - CurrentWindow;
        var mine = db.Calls.AsNoTracking().Where(c => c.AgentStaffId == staffId);
        var call = callId is { } id
            ? await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            : await mine.Where(c => c.StartedAt >= since && (c.State != CallState.Ended || c.Type == null))
                .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var lines = await scripts.HandleAsync(staffId, ct);
        var recent = (await list.Rows(mine.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(RecentCount)).ToListAsync(ct))
            .Select(ListCallsHandler.ToItem).ToList();
        if (call is null)
        {
            return new DeskView(null, null, lines, ScriptStep.Greeting, recent);
        }

        var caller = await callers.BuildAsync(call, CallViewer.Of(me), ct);
        return new DeskView(await calls.DescribeAsync(call, ct), caller, lines, CallScripts.CurrentStep(call.Type), recent);
    }
}
