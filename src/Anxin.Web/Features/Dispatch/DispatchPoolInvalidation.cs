using System.Runtime.CompilerServices;
using Anxin.Domain.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// Makes the kept dispatch pools (<see cref="DispatchPoolCache"/>) unusable until brought up to date
/// once a save that changed a surveyor's profile (presence, skills, load) or staff record, or an
/// insurer's dispatch rule, has gone through. Reported positions do not: every surveyor reports one
/// every few minutes all day, and the pools read them within <see cref="DispatchPoolCache.MaxAge"/>.
/// </summary>
public sealed class DispatchPoolInvalidation(DispatchPoolCache pools) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Changed = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Pending.Remove(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Pending.Remove(eventData.Context!);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is SurveyorProfile or InsurerDispatchRule or Domain.Organisation.Staff))
        {
            Pending.AddOrUpdate(context, Changed);
        }
    }

    private void Apply(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            pools.Invalidate();
        }
    }
}
