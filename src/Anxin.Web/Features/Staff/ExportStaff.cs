using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

/// <summary>
/// The columns of the staff list: the page's table, the CSV and the XLSX (<c>?columns=</c>).
/// Rows are <see cref="StaffListItem"/>s, already masked by the handlers.
/// </summary>
public static class StaffColumns
{
    /// <summary>What the page shows when no columns are chosen (the export then has them all).</summary>
    public static readonly string[] PageDefaults = ["workNumber", "name", "orgNode", "position", "roles", "mobile", "status", "account"];

    /// <param name="t">Staff strings, then shared ones (<see cref="StaffLocalizer"/>).</param>
    public static ListColumns<StaffListItem> For(IStringLocalizer t) => new(
        new("workNumber", "Staff.WorkNumber", s => s.WorkNumber),
        new("name", "Staff.Name", s => s.Name),
        new("orgNode", "Staff.OrgNode", s => s.OrgNodeName),
        new("position", "Staff.Position", s => s.Position),
        new("roles", "Staff.Roles", s => string.Join("、", s.Roles.Select(r => t["Role." + r].Value))),
        new("mobile", "Staff.Mobile", s => s.Mobile),
        new("idNumber", "Staff.IdNumber", s => s.IdNumber),
        new("status", "Common.Status", s => s.IsActive ? t["Common.Active"] : t["Common.Inactive"]),
        new("account", "Staff.Account", s => s.IsLocked ? t["Staff.Locked"] : t["Staff.NotLocked"]));
}

/// <summary>
/// Exports the filtered staff list with the chosen columns, row by row from one streaming
/// query, through <see cref="TabularExport"/>. Same filters and data scope as the list; personal
/// data is masked here, before a row reaches the writer.
/// </summary>
public sealed class ExportStaffHandler(ListStaffHandler list, AnxinDbContext db, TimeProvider time,
    IStringLocalizer<StaffText> staffText, IStringLocalizer<SharedResource> sharedText)
{
    /// <summary>The export as a file result, or a field error for a bad format or column.</summary>
    public Result<TabularExportResult<StaffListItem>> Handle(StaffFilter filter, string? format, string? columns)
    {
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<StaffListItem>>.Fail(parsed);
        }

        var t = new StaffLocalizer(staffText, sharedText);
        var chosen = StaffColumns.For(t).Choose(columns);
        if (!chosen.IsOk)
        {
            return Result<TabularExportResult<StaffListItem>>.Fail(chosen);
        }

        return TabularExport.File("staff", parsed.Value, chosen.Value!, t, RowsAsync(filter), time);
    }

    /// <summary>
    /// One streaming query: staff left-joined to their account's roles, sorted by name, id;
    /// consecutive rows of one member are folded into one export row.
    /// </summary>
    private async IAsyncEnumerable<StaffListItem> RowsAsync(StaffFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var staff = await list.FilterAsync(filter, ct);
        var roleNames = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name };
        var query =
            from s in staff
            join u in db.Users on (Guid?)s.Id equals u.StaffId into us
            from u in us.DefaultIfEmpty()
            join ur in roleNames on u.Id equals ur.UserId into urs
            from ur in urs.DefaultIfEmpty()
            orderby s.Name, s.Id
            select new
            {
                s.Id, s.WorkNumber, s.Name, s.OrgNodeId, s.Position, s.Mobile, s.IdNumber, s.IsActive,
                OrgNodeName = db.OrgNodes.Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
                LockoutEnd = (DateTimeOffset?)u.LockoutEnd,
                Role = ur.Name,
            };
        var now = time.GetUtcNow();
        StaffListItem? current = null;
        var roles = new List<string>();
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (r.Id != current?.Id)
            {
                if (current is not null)
                {
                    yield return current with { Roles = StaffAccounts.SortRoles(roles) };
                }

                roles.Clear();
                current = new StaffListItem(r.Id, r.WorkNumber, r.Name, r.OrgNodeId, r.OrgNodeName, r.Position, [],
                    Masking.Mobile(r.Mobile), Masking.IdNumber(r.IdNumber), r.IsActive, r.LockoutEnd is { } end && end > now);
            }

            if (r.Role is not null)
            {
                roles.Add(r.Role);
            }
        }

        if (current is not null)
        {
            yield return current with { Roles = StaffAccounts.SortRoles(roles) };
        }
    }
}

