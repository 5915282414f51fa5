using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// Print-ready notices (issue 5 §11) in the reader's language (zh-CN by default, <c>?culture=en</c>):
/// the one-time missing-documents notice (art. 22), the refusal notice with reasons (art. 24) and the
/// payment notice (CLM-06). A notice is a letter to the claimant, so claim handlers see the full name;
/// every print is written to the claim's timeline.
/// </summary>
[HasPermission(Permissions.Claims.View)]
public sealed class ClaimNoticeModel(GetClaimHandler get, AnxinDbContext db, CurrentUser me, TimeProvider time) : PageModel
{
    public static readonly string[] Kinds = ["missing-documents", "refusal", "payment"];

    public ClaimDetail Claim { get; private set; } = null!;

    public string Kind { get; private set; } = string.Empty;

    public string ClaimantName { get; private set; } = string.Empty;

    public DocumentNoticeView? Notice { get; private set; }

    public PaymentView? Payment { get; private set; }

    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, int? round, Guid? payment, CancellationToken ct)
    {
        if (!Kinds.Contains(kind) || await get.HandleAsync(id, ct) is not { } claim)
        {
            return NotFound();
        }

        Claim = claim;
        Kind = kind;
        switch (kind)
        {
            case "missing-documents":
                Notice = round is { } r ? claim.Notices.FirstOrDefault(n => n.Round == r) : claim.Notices.LastOrDefault();
                if (Notice is null)
                {
                    return NotFound();
                }

                break;
            case "refusal" when claim.RefusalReasons.Count == 0:
                return NotFound();
            case "payment":
                Payment = payment is { } p ? claim.Payments.FirstOrDefault(x => x.Id == p) : claim.Payments.LastOrDefault();
                if (Payment is null)
                {
                    return NotFound();
                }

                break;
        }

        var name = await db.Claims.Where(c => c.Id == id).Select(c => c.ClaimantName).SingleAsync(ct);
        ClaimantName = me.Has(Permissions.Claims.Handle) ? name : Masking.Name(name);
        PrintedAt = time.GetUtcNow();
        db.AddAuditEvent("ClaimNoticePrinted", nameof(Domain.Claims.Claim), id, kind + (Notice is { } n ? " #" + n.Round : string.Empty),
            await db.Claims.Where(c => c.Id == id).Select(c => c.OrgPath).SingleAsync(ct), PrintedAt);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
