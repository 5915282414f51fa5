using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

public sealed record CreateInvestigationTaskRequest(InvestigationMethod? Method, string? Instructions, Guid? AssigneeStaffId, DateTimeOffset? DueAt,
    DateTimeOffset? EscalateAt, long? Version = null);

public sealed record CompleteInvestigationTaskRequest(string? Findings, long? Version = null);

public sealed record ConcludeInvestigationRequest(string? Findings, long? Version = null);

/// <summary>
/// Investigation (调查, CLM-03): a task by phone, site visit or third party with due and escalation
/// dates; the first task puts the claim under investigation. Findings are recorded per task, and the
/// handler concludes the investigation on the claim once no task is open.
/// </summary>
public sealed class InvestigateClaimHandler(ChangeClaimHandler changes, GetClaimHandler details, AnxinDbContext db, ServiceClocks clocks)
{
    public async Task<Result<ClaimDetail>> CreateTaskAsync(Guid id, CreateInvestigationTaskRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Method is null)
        {
            errors.Add(nameof(request.Method), ValidationCodes.Required);
        }

        if (request.DueAt is null)
        {
            errors.Add(nameof(request.DueAt), ValidationCodes.Required);
        }

        if (request.AssigneeStaffId is { } assignee && !await db.Staff.AnyAsync(s => s.Id == assignee && s.IsActive, ct))
        {
            errors.Add(nameof(request.AssigneeStaffId), "Claim.UnknownHandler");
        }

        if (errors.Any)
        {
            return Result<ClaimDetail>.Invalid(errors.All);
        }

        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            var task = InvestigationTask.Create(claim, request.Method!.Value, request.Instructions, request.AssigneeStaffId, request.DueAt!.Value,
                request.EscalateAt, actor.StaffId, actor.Now);
            if (claim.Status != ClaimStatus.UnderInvestigation)
            {
                claim.StartInvestigation(task.Method, actor.Now);
            }

            db.InvestigationTasks.Add(task);
            await InvestigationTaskClocks.StartAsync(clocks, claim, task, ct);
            return new ClaimEvent("InvestigationTaskCreated", $"{task.Method}: {task.Instructions} due={task.DueAt:O}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    public async Task<Result<ClaimDetail>> CompleteTaskAsync(Guid id, Guid taskId, CompleteInvestigationTaskRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            var task = await db.InvestigationTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.ClaimId == claim.Id, ct);
            if (task is null)
            {
                return Result<ClaimEvent>.NotFound();
            }

            EnsureOpen(claim);
            task.Complete(request.Findings, actor.StaffId, actor.Now);
            await InvestigationTaskClocks.StopAsync(clocks, task, ct);
            return new ClaimEvent("InvestigationTaskCompleted", $"{task.Method}: {task.Findings}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    public async Task<Result<ClaimDetail>> ConcludeAsync(Guid id, ConcludeInvestigationRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            if (await db.InvestigationTasks.AnyAsync(t => t.ClaimId == claim.Id && t.Status == InvestigationTaskStatus.Open, ct))
            {
                return Result<ClaimEvent>.Invalid(nameof(request.Findings), "Claim.Investigation.TasksOpen");
            }

            claim.CompleteInvestigation(request.Findings ?? string.Empty, actor.Now);
            return new ClaimEvent("InvestigationConcluded", claim.InvestigationFindings ?? string.Empty);
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    private static void EnsureOpen(Claim claim)
    {
        if (claim.Status == ClaimStatus.Closed)
        {
            throw new DomainException("Claim.Closed");
        }
    }
}

/// <summary>
/// Each open investigation task has a service clock running to its escalation date (rule
/// <see cref="DefaultClockRules.InvestigationTask"/>, owned by the assignee): the clock worker warns the
/// assignee and, once the escalation date passes, escalates to their supervisor, then a manager.
/// </summary>
public static class InvestigationTaskClocks
{
    public const string SubjectType = "ClaimInvestigationTask";

    public static Task StartAsync(ServiceClocks clocks, Claim claim, InvestigationTask task, CancellationToken ct) =>
        clocks.StartAsync(DefaultClockRules.InvestigationTask.Code, SubjectType, task.Id.ToString(), claim.OrgNodeId, task.AssigneeStaffId,
            promisedBy: task.EscalateAt, ct);

    public static Task StopAsync(ServiceClocks clocks, InvestigationTask task, CancellationToken ct) =>
        clocks.StopAsync(SubjectType, task.Id.ToString(), DefaultClockRules.InvestigationTask.Code, ct);

    /// <summary>A claim withdrawn or closed needs no more investigation: its open tasks are cancelled and their clocks stopped.</summary>
    public static async Task CancelOpenAsync(AnxinDbContext db, ServiceClocks clocks, Claim claim, Guid by, DateTimeOffset at, CancellationToken ct)
    {
        var open = await db.InvestigationTasks.Where(t => t.ClaimId == claim.Id && t.Status == InvestigationTaskStatus.Open).ToListAsync(ct);
        foreach (var task in open)
        {
            task.Cancel(by, at);
            await StopAsync(clocks, task, ct);
        }
    }
}
