using System.Security.Cryptography;
using System.Text;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Claims;

/// <summary>Applies what the claim decided about its statutory clocks (<see cref="Claim.TakeClockActions"/>) through <see cref="ServiceClocks"/>.</summary>
public static class ClaimClocks
{
    public static async Task ApplyAsync(ServiceClocks clocks, Claim claim, CancellationToken ct)
    {
        var id = claim.Id.ToString();
        foreach (var action in claim.TakeClockActions())
        {
            // A clock that is not there (a claim older than its rule) or already in that state is nothing to do.
            switch (action.Kind)
            {
                case ClockActionKind.Start:
                    await clocks.StartAsOfAsync(action.RuleCode, Claim.SubjectType, id, claim.OrgNodeId, claim.HandlerStaffId, action.At, ct);
                    break;
                case ClockActionKind.Pause:
                    await clocks.PauseAsync(Claim.SubjectType, id, action.RuleCode, action.Reason ?? Claim.WaitingForDocumentsReason, action.At, ct);
                    break;
                case ClockActionKind.Resume:
                    await clocks.ResumeAsync(Claim.SubjectType, id, action.RuleCode, action.At, ct);
                    break;
                case ClockActionKind.Stop:
                    await clocks.StopAsync(Claim.SubjectType, id, action.RuleCode, action.At, ct);
                    break;
            }
        }
    }
}

/// <summary>
/// The checklist codes of required documents. The lists per insurer and line hold names only, so a
/// document's code is derived from its Chinese name: the same document has the same code on every
/// claim and in every list, and editing a list does not renumber the others.
/// </summary>
public static class DocumentCodes
{
    public static string For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((name ?? string.Empty).Trim()));
        return "D" + Convert.ToHexString(hash, 0, 5);
    }

    public static DocumentRequirement Requirement(string name) => new(For(name), name.Trim());
}

/// <summary>The file number of a closed claim (卷号, one case one file): <c>JZ20261122000001</c>.</summary>
public static class ArchiveNumbers
{
    public const string Prefix = "JZ";
}

/// <summary>How the domain's refusals become claim results: a closed claim is a 409 conflict (with its <c>code</c>), not bad input.</summary>
public static class ClaimResults
{
    /// <summary>The domain's refusals that are conflicts with the claim's state rather than bad input.</summary>
    private static readonly HashSet<string> ConflictCodes = new(StringComparer.Ordinal) { "Claim.Closed" };

    public static Result<T> Fail<T>(DomainException e) =>
        ConflictCodes.Contains(e.Code) ? Result<T>.Conflict(e.Code) : Result<T>.From(e);
}
