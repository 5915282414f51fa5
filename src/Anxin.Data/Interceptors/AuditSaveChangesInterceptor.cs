using System.Globalization;
using System.Reflection;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Anxin.Data.Interceptors;

/// <summary>
/// The save pipeline: stamps timestamps, bumps optimistic-concurrency versions, refuses to
/// change audit rows (append-only), and writes one audit row per changed field of business
/// data, with personal data masked, in the same transaction as the change.
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    private static readonly HashSet<string> SkippedFields = new(StringComparer.Ordinal)
    {
        nameof(IVersioned.Version), nameof(IHasTimestamps.CreatedAt), nameof(IHasTimestamps.UpdatedAt),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is not AnxinDbContext db)
        {
            return;
        }

        var now = time.GetUtcNow();
        var actor = db.RequestActor.Actor;
        var audit = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is IHasTimestamps stamped)
            {
                if (entry.State == EntityState.Added)
                {
                    stamped.CreatedAt = now;
                }

                stamped.UpdatedAt = now;
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.BumpVersion();
            }

            if (entry.Entity is IAudited audited)
            {
                audit.AddRange(Describe(entry, audited, actor, now));
            }
        }

        db.AuditEntries.AddRange(audit);
    }

    private static IEnumerable<AuditEntry> Describe(EntityEntry entry, IAudited entity, Actor actor, DateTimeOffset now)
    {
        var type = entry.Metadata.ClrType.Name;
        var id = entity.Id.ToString();
        var orgPath = entity is IOrgOwned owned ? owned.OrgPath : "/";
        var action = entry.State.ToString();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (SkippedFields.Contains(name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var oldValue = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
            var newValue = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || oldValue == newValue))
            {
                continue;
            }

            if (entry.State == EntityState.Added && newValue is null)
            {
                continue;
            }

            var sensitive = property.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>();
            if (sensitive is not null)
            {
                oldValue = oldValue is null ? null : SensitiveAttribute.Mask(sensitive.Kind, oldValue);
                newValue = newValue is null ? null : SensitiveAttribute.Mask(sensitive.Kind, newValue);
            }

            yield return AuditEntry.Change(now, action, type, id, name, oldValue, newValue, actor, orgPath);
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
