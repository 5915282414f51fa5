using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calendars;

/// <summary>Working hours as "09:00-12:00;13:30-17:30"; blank to inherit from the node above again.</summary>
public sealed record SetWorkingHoursRequest(string? Hours);

public sealed record AddCalendarDayRequest(DateOnly? Date, DayKind? Kind, string? Name);

/// <summary>Sets or clears a node's own working hours .</summary>
public sealed class SetWorkingHoursHandler(AnxinDbContext db, ICalendarProvider calendars, GetCalendarHandler get, TimeProvider time)
{
    public async Task<Result<CalendarDto>> HandleAsync(Guid nodeId, SetWorkingHoursRequest request, CancellationToken ct)
    {
        var node = await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct);
        if (node is null)
        {
            return Result<CalendarDto>.NotFound();
        }

        var settings = await db.CalendarSettings.SingleOrDefaultAsync(s => s.OrgNodeId == nodeId, ct);
        if (string.IsNullOrWhiteSpace(request.Hours))
        {
            if (settings is not null)
            {
                db.CalendarSettings.Remove(settings);
            }
        }
        else
        {
            var hours = CalendarSettings.TryParse(request.Hours);
            if (hours is null)
            {
                return Result<CalendarDto>.Invalid(nameof(request.Hours), "Calendar.HoursFormat");
            }

            try
            {
                if (settings is null)
                {
                    db.CalendarSettings.Add(CalendarSettings.Create(nodeId, hours));
                }
                else
                {
                    settings.SetHours(hours);
                }
            }
            catch (DomainException e)
            {
                return Result<CalendarDto>.From(e);
            }
        }

        db.AddAuditEvent("CalendarHoursChanged", nameof(CalendarSettings), nodeId, request.Hours?.Trim() ?? "inherit", node.Path, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<CalendarDto>.Conflict();
        }

        calendars.Invalidate();
        return await get.HandleAsync(nodeId, null, ct);
    }
}

/// <summary>Adds a holiday or make-up working day to a node (or globally with <see cref="Guid.Empty"/>).</summary>
public sealed class AddCalendarDayHandler(AnxinDbContext db, ICalendarProvider calendars, TimeProvider time)
{
    public async Task<Result<CalendarDayDto>> HandleAsync(Guid nodeId, AddCalendarDayRequest request, CancellationToken ct)
    {
        var scope = await OrgNodeCalendar.ScopeAsync(db, nodeId, ct);
        if (scope.Result is not null)
        {
            return Result<CalendarDayDto>.Fail(scope.Result);
        }

        var errors = new FieldErrors();
        if (request.Date is null)
        {
            errors.Add(nameof(request.Date), ValidationCodes.Required);
        }

        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            errors.Add(nameof(request.Kind), ValidationCodes.Required);
        }

        errors.Required(nameof(request.Name), request.Name);
        if (errors.Any)
        {
            return Result<CalendarDayDto>.Invalid(errors.All);
        }

        var owner = scope.OrgNodeId;
        if (await db.CalendarDays.AnyAsync(d => d.OrgNodeId == owner && d.Date == request.Date!.Value, ct))
        {
            return Result<CalendarDayDto>.Invalid(nameof(request.Date), "Calendar.DayExists");
        }

        CalendarDay day;
        try
        {
            day = CalendarDay.Create(owner, request.Date!.Value, request.Kind!.Value, request.Name);
        }
        catch (DomainException e)
        {
            return Result<CalendarDayDto>.From(e);
        }

        db.CalendarDays.Add(day);
        db.AddAuditEvent("CalendarDayAdded", nameof(CalendarDay), day.Id, $"{day.Date:yyyy-MM-dd} {day.Kind} {day.Name}", scope.OrgPath, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<CalendarDayDto>.Invalid(nameof(request.Date), "Calendar.DayExists");
        }

        calendars.Invalidate();
        return new CalendarDayDto(day.Date, day.Kind, day.Name, day.OrgNodeId, true);
    }
}

/// <summary>Removes a node's own (or a global) special day.</summary>
public sealed class RemoveCalendarDayHandler(AnxinDbContext db, ICalendarProvider calendars, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid nodeId, DateOnly date, CancellationToken ct)
    {
        var scope = await OrgNodeCalendar.ScopeAsync(db, nodeId, ct);
        if (scope.Result is not null)
        {
            return scope.Result;
        }

        var owner = scope.OrgNodeId;
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.OrgNodeId == owner && d.Date == date, ct);
        if (day is null)
        {
            return Result.NotFound();
        }

        db.CalendarDays.Remove(day);
        db.AddAuditEvent("CalendarDayRemoved", nameof(CalendarDay), day.Id, $"{day.Date:yyyy-MM-dd} {day.Kind} {day.Name}", scope.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return Result.Ok();
    }
}

/// <summary>Which calendar an edit targets: a node the user may see, or the global one (only for users who see a root node).</summary>
public static class OrgNodeCalendar
{
    public sealed record Target(Guid? OrgNodeId, string OrgPath, Result? Result);

    public static async Task<Target> ScopeAsync(AnxinDbContext db, Guid nodeId, CancellationToken ct)
    {
        if (nodeId == Guid.Empty)
        {
            return await db.OrgNodes.AnyAsync(n => n.ParentId == null, ct)
                ? new Target(null, "/", null)
                : new Target(null, "/", Result.Forbidden());
        }

        var path = await db.OrgNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct);
        return path is null ? new Target(null, "/", Result.NotFound()) : new Target(nodeId, path, null);
    }
}
