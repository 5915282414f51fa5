using Anxin.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Requests;

/// <summary>A member of staff by work number (工号), in any department, for the hand-over forms.</summary>
public sealed class FindStaffByWorkNumberHandler(AnxinDbContext db)
{
    public async Task<StaffCards.Card?> HandleAsync(string? workNumber, CancellationToken ct)
    {
        workNumber = workNumber?.Trim();
        if (string.IsNullOrEmpty(workNumber) || workNumber.Length > 20)
        {
            return null;
        }

        return await db.Staff.IgnoreQueryFilters().AsNoTracking().Where(s => s.WorkNumber == workNumber)
            .Select(s => new StaffCards.Card(s.Id, s.Name, s.WorkNumber, s.OrgNodeId, s.OrgPath)).FirstOrDefaultAsync(ct);
    }
}
