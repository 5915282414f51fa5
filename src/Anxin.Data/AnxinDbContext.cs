using System.Linq.Expressions;
using Anxin.Data.Identity;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Data;

public class AnxinDbContext(DbContextOptions<AnxinDbContext> options, IRequestActor actor)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options)
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The named query filters (EF Core 10): the organisation scope and the insurer partition .</summary>
    public const string OrgScopeFilterName = "OrgScope";

    public const string InsurerFilterName = "InsurerPartition";

    public IRequestActor RequestActor { get; } = actor;

    /// <summary>Read per query by the data-scope filters; null means unrestricted.</summary>
    public string? ScopePrefix => RequestActor.ScopePrefix;

    public DbSet<OrgNode> OrgNodes => Set<OrgNode>();

    public DbSet<Staff> Staff => Set<Staff>();

    public DbSet<Insurer> Insurers => Set<Insurer>();

    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Domain.Messaging.OutboxMessage> Outbox => Set<Domain.Messaging.OutboxMessage>();

    public DbSet<Domain.Clocks.ServiceClock> ServiceClocks => Set<Domain.Clocks.ServiceClock>();

    public DbSet<Domain.Messaging.NumberSequence> NumberSequences => Set<Domain.Messaging.NumberSequence>();

    public DbSet<Domain.Messaging.IdempotencyRecord> IdempotencyRecords => Set<Domain.Messaging.IdempotencyRecord>();

    public DbSet<Domain.Messaging.MessageTemplate> MessageTemplates => Set<Domain.Messaging.MessageTemplate>();

    public DbSet<Domain.Messaging.Notification> Notifications => Set<Domain.Messaging.Notification>();

    public DbSet<Domain.Clocks.CalendarSettings> CalendarSettings => Set<Domain.Clocks.CalendarSettings>();

    public DbSet<Domain.Clocks.CalendarDay> CalendarDays => Set<Domain.Clocks.CalendarDay>();

    public DbSet<Domain.Clocks.ClockRuleSetting> ClockRuleSettings => Set<Domain.Clocks.ClockRuleSetting>();

    public DbSet<Domain.Customers.Customer> Customers => Set<Domain.Customers.Customer>();

    public DbSet<Domain.Policies.Policy> Policies => Set<Domain.Policies.Policy>();

    public DbSet<Domain.Cases.Case> Cases => Set<Domain.Cases.Case>();

    public DbSet<Domain.Cases.CaseDayCount> CaseDayCounts => Set<Domain.Cases.CaseDayCount>();

    public DbSet<Domain.Cases.CaseAttachment> CaseAttachments => Set<Domain.Cases.CaseAttachment>();

    public DbSet<Domain.Cases.RequiredDocumentList> RequiredDocumentLists => Set<Domain.Cases.RequiredDocumentList>();

    public DbSet<Domain.Claims.Claim> Claims => Set<Domain.Claims.Claim>();

    public DbSet<Domain.Claims.ClaimAttachment> ClaimAttachments => Set<Domain.Claims.ClaimAttachment>();

    public DbSet<Domain.Claims.InvestigationTask> InvestigationTasks => Set<Domain.Claims.InvestigationTask>();

    public DbSet<Domain.Claims.ClaimCalculation> ClaimCalculations => Set<Domain.Claims.ClaimCalculation>();

    public DbSet<Domain.Claims.ClaimApproval> ClaimApprovals => Set<Domain.Claims.ClaimApproval>();

    public DbSet<Domain.Claims.ClaimPayment> ClaimPayments => Set<Domain.Claims.ClaimPayment>();

    public DbSet<Domain.Claims.AuthorityProfile> AuthorityProfiles => Set<Domain.Claims.AuthorityProfile>();

    public DbSet<Domain.Claims.AuthorityAssignment> AuthorityAssignments => Set<Domain.Claims.AuthorityAssignment>();

    public DbSet<Domain.Claims.ReviewSamplingRule> ClaimReviewRules => Set<Domain.Claims.ReviewSamplingRule>();

    public DbSet<Domain.Claims.BeneficiaryCheck> BeneficiaryChecks => Set<Domain.Claims.BeneficiaryCheck>();

    public DbSet<Domain.Claims.Vendor> Vendors => Set<Domain.Claims.Vendor>();

    public DbSet<Domain.Claims.ServiceRequest> ServiceRequests => Set<Domain.Claims.ServiceRequest>();
    public DbSet<Domain.Dispatch.SurveyorProfile> SurveyorProfiles => Set<Domain.Dispatch.SurveyorProfile>();

    public DbSet<Domain.Dispatch.SurveyorPosition> SurveyorPositions => Set<Domain.Dispatch.SurveyorPosition>();

    public DbSet<Domain.Dispatch.InsurerDispatchRule> InsurerDispatchRules => Set<Domain.Dispatch.InsurerDispatchRule>();

    public DbSet<Domain.Dispatch.Assignment> Assignments => Set<Domain.Dispatch.Assignment>();

    public DbSet<Domain.Dispatch.AssignmentPhoto> AssignmentPhotos => Set<Domain.Dispatch.AssignmentPhoto>();
    public DbSet<Domain.Consultations.Consultation> Consultations => Set<Domain.Consultations.Consultation>();

    public DbSet<Domain.Requests.Handover> Handovers => Set<Domain.Requests.Handover>();

    public DbSet<Domain.Requests.Escalation> Escalations => Set<Domain.Requests.Escalation>();

    public DbSet<Domain.Quality.RegistrationError> RegistrationErrors => Set<Domain.Quality.RegistrationError>();

    /// <summary>Read per query by the insurer-partition filters; null means not restricted to one insurer.</summary>
    public Guid? InsurerScope => RequestActor.InsurerScope;
    public DbSet<Domain.Calls.Call> Calls => Set<Domain.Calls.Call>();

    public DbSet<Domain.Calls.CallScript> CallScripts => Set<Domain.Calls.CallScript>();

    public DbSet<Domain.Calls.ForbiddenPhraseList> ForbiddenPhraseLists => Set<Domain.Calls.ForbiddenPhraseList>();

    public bool IsSqlite => Database.ProviderName == SqliteProvider;

    /// <summary>
    /// Optimistic concurrency against the version a client read: false when <paramref name="entity"/>
    /// has moved on (answer 409); otherwise the next SaveChanges also fails if another writer saves first.
    /// </summary>
    public bool IsAtVersion<T>(T entity, long version)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Version != version)
        {
            return false;
        }

        Entry((object)entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        return true;
    }

    /// <summary>Writes an explicit business audit event (saved with the next SaveChanges).</summary>
    public void AddAuditEvent(string name, string entityType, object? entityId, string? detail, string? orgPath, DateTimeOffset at) =>
        AuditEntries.Add(AuditEntry.Event(at, name, entityType, entityId?.ToString(), detail, RequestActor.Actor, orgPath ?? "/"));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        if (IsSqlite)
        {
            // SQLite cannot compare or order DateTimeOffset values; store UTC ticks instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AnxinDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IVersioned).IsAssignableFrom(type))
            {
                builder.Entity(type).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            if (typeof(IOrgOwned).IsAssignableFrom(type) && type != typeof(OrgNode))
            {
                builder.Entity(type).Property(nameof(IOrgOwned.OrgPath)).HasMaxLength(200);
                builder.Entity(type).HasQueryFilter(OrgScopeFilterName, ScopeFilter(type, nameof(IOrgOwned.OrgPath)));
            }

            if (typeof(IInsurerOwned).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(InsurerFilterName, InsurerFilter(type));
            }
        }

        builder.Entity<OrgNode>().HasQueryFilter(ScopeFilter(typeof(OrgNode), nameof(OrgNode.Path)));
        builder.Entity<AuditEntry>().HasQueryFilter(ScopeFilter(typeof(AuditEntry), nameof(AuditEntry.OrgPath)));
        if (!IsSqlite)
        {
            UseBytewisePaths(builder);
        }
    }

    /// <summary>
    /// Organisation paths (digits and slashes) compare byte by byte on PostgreSQL: only under the "C"
    /// collation does a subtree filter (<c>LIKE '/1/2/%'</c>) become an index range; under the
    /// database's own locale it reads the whole index (30 ms for a capped count at 1,000,000 cases).
    /// SQLite compares bytes already (and its LIKE never uses an index; its queries carry the path in the index instead).
    /// </summary>
    private static void UseBytewisePaths(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(string)
                         && (p.Name == nameof(IOrgOwned.OrgPath) || (p.DeclaringType.ClrType == typeof(OrgNode) && p.Name == nameof(OrgNode.Path)))))
        {
            property.SetCollation("C");
        }
    }

    /// <summary>e => InsurerScope == null || e.InsurerId == InsurerScope: an insurer's users see only its rows.</summary>
    private LambdaExpression InsurerFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var scope = Expression.Property(Expression.Constant(this), nameof(InsurerScope));
        var insurer = Expression.Property(e, nameof(IInsurerOwned.InsurerId));
        var body = Expression.OrElse(Expression.Equal(scope, Expression.Constant(null, typeof(Guid?))), Expression.Equal(insurer, scope));
        return Expression.Lambda(body, e);
    }

    /// <summary>e => ScopePrefix == null || e.{pathProperty}.StartsWith(ScopePrefix).</summary>
    private LambdaExpression ScopeFilter(Type type, string pathProperty)
    {
        var e = Expression.Parameter(type, "e");
        var prefix = Expression.Property(Expression.Constant(this), nameof(ScopePrefix));
        var path = Expression.Property(e, pathProperty);
        var startsWith = Expression.Call(path, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, prefix);
        var body = Expression.OrElse(Expression.Equal(prefix, Expression.Constant(null, typeof(string))), startsWith);
        return Expression.Lambda(body, e);
    }
}
