using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

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

            yield return AuditEntry.Change(now, action, type, id, name, Mask(property.Metadata, oldValue), Mask(property.Metadata, newValue), actor, orgPath);
        }
    }

    /// <summary>
    /// The audit rows the save pipeline writes for a new entity (one per non-null field, personal
    /// data masked), for writers that insert rows without a change tracker (the intake group commit).
    /// </summary>
    public static IEnumerable<AuditEntry> ForAdded(IEntityType type, IAudited entity, Actor actor, DateTimeOffset now)
    {
        var id = entity.Id.ToString();
        var orgPath = entity is IOrgOwned owned ? owned.OrgPath : "/";
        foreach (var property in type.GetProperties())
        {
            if (SkippedFields.Contains(property.Name) || property.IsShadowProperty())
            {
                continue;
            }

            var newValue = Format(Getters.GetOrAdd(property, Getter)(entity));
            if (newValue is not null)
            {
                yield return AuditEntry.Change(now, nameof(EntityState.Added), type.ClrType.Name, id, property.Name, null, Mask(property, newValue), actor, orgPath);
            }
        }
    }

    /// <summary>
    /// The audit row the save pipeline writes when one field of an existing entity changes (none
    /// when the value stays the same), for writers that update rows without a change tracker.
    /// </summary>
    public static IEnumerable<AuditEntry> ForModified(IEntityType type, Guid id, string orgPath, string propertyName, object? oldValue, object? newValue,
        Actor actor, DateTimeOffset now)
    {
        var property = type.FindProperty(propertyName) ?? throw new ArgumentException($"{type.ClrType.Name} has no {propertyName}.", nameof(propertyName));
        var (before, after) = (Format(oldValue), Format(newValue));
        if (before != after)
        {
            yield return AuditEntry.Change(now, nameof(EntityState.Modified), type.ClrType.Name, id.ToString(), property.Name,
                Mask(property, before), Mask(property, after), actor, orgPath);
        }
    }

    /// <summary>Stamps <see cref="IHasTimestamps"/> as the save pipeline does for an added entity.</summary>
    public static void StampAdded(object entity, DateTimeOffset now)
    {
        if (entity is IHasTimestamps stamped)
        {
            stamped.CreatedAt = now;
            stamped.UpdatedAt = now;
        }
    }

    private static readonly ConcurrentDictionary<IProperty, Func<object, object?>> Getters = new();
    private static readonly ConcurrentDictionary<IReadOnlyProperty, SensitiveAttribute?> SensitiveFields = new();

    private static Func<object, object?> Getter(IProperty property)
    {
        var member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo!;
        var e = Expression.Parameter(typeof(object), "e");
        var access = Expression.MakeMemberAccess(Expression.Convert(e, property.DeclaringType.ClrType), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), e).Compile();
    }

    private static string? Mask(IReadOnlyProperty property, string? value)
    {
        var sensitive = SensitiveFields.GetOrAdd(property, p => p.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>());
        return sensitive is null || value is null ? value : SensitiveAttribute.Mask(sensitive.Kind, value);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
