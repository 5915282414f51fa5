using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>The case list: search, filters, chosen columns, keyset pages, export of the same rows.</summary>
[HasPermission(Permissions.Cases.View)]
public sealed class CaseListModel(ListCasesHandler list, AnxinDbContext db, CurrentUser me, TimeProvider time,
    IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProductLine? Line { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Insurer { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Verified { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The column chooser's checkboxes (repeated <c>columns=</c>) or a link's <c>columns=a,b,c</c>; nothing is remembered.</summary>
    [BindProperty(SupportsGet = true)]
    public string[] Columns { get; set; } = [];

    public string? ChosenColumns => Columns.Length == 0 ? null : string.Join(',', Columns);

    public CaseLocalizer Text => new(caseText, sharedText);

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public ListColumns<CaseListItem> AllColumns => CaseColumns.For(Text, Now);

    public IReadOnlyList<ListColumn<CaseListItem>> Shown { get; private set; } = [];

    public CasePage Result { get; private set; } = new([], null, 0, false);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<string> InsurerCodes { get; private set; } = [];

    public bool CanReport => me.Has(Permissions.Cases.Report);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var columns = AllColumns;
        Shown = (columns.Choose(ChosenColumns, CaseColumns.PageDefaults) is { IsOk: true } chosen ? chosen : columns.Choose(null, CaseColumns.PageDefaults)).Value!;
        InsurerCodes = [.. (await db.Insurers.Where(i => me.InsurerScope == null || i.Id == me.InsurerScope).Select(i => i.Code).ToListAsync(ct))
            .Order(StringComparer.Ordinal)];
        var filter = new CaseFilter(Q, Status, Line, Insurer, Verified, From, To);
        var result = await list.HandleAsync(new ListCasesRequest(filter, After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListCasesRequest(filter), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null, Result.TotalCapped);
    }

    /// <summary>Still waiting for a surveyor longer than the dispatch commitment allows.</summary>
    public bool WaitingTooLong(CaseListItem c) =>
        c.Status == CaseStatus.Reported && Now - c.ReportedAt > TimeSpan.FromMinutes(Domain.Clocks.DefaultClockRules.DispatchSurveyor.Amount);

    public string LinkTo(string? after, string path = "/cases", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["line"] = Line?.ToString(),
            ["insurer"] = Insurer,
            ["verified"] = Verified?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["columns"] = ChosenColumns,
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
