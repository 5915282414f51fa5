using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Domain.Messaging;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Requests;

/// <summary>What the actor may do with a request's ownership (CC-05).</summary>
public enum RequestAuthority
{
    None = 0,

    /// <summary>The actor owns the request.</summary>
    Owner = 1,

    /// <summary>A supervisor or department manager whose scope covers the owner (an API key: holding Requests.Supervise).</summary>
    Supervisor = 2,
}

/// <summary>
/// A customer request with a first-contact owner, loaded tracked for a change. It is read
/// whatever the actor's organisation scope — after a hand-over to another department the owner
/// (or their supervisor) sits outside the request's subtree — but inside the insurer partition.
/// </summary>
public sealed class OwnedRequest
{
    private OwnedRequest(RequestKind kind, IVersioned entity, RequestRef reference, Guid? ownerStaffId, bool isOpen)
    {
        Kind = kind;
        Entity = entity;
        Ref = reference;
        OwnerStaffId = ownerStaffId;
        IsOpen = isOpen;
    }

    public RequestKind Kind { get; }

    public IVersioned Entity { get; }

    public RequestRef Ref { get; }

    public Guid Id => Ref.Id;

    public string Number => Ref.Number;

    public string OrgPath => Ref.OrgPath;

    public Guid? OwnerStaffId { get; }

    public bool IsOpen { get; }

    public Case? Case => Entity as Case;

    public Consultation? Consultation => Entity as Consultation;

    /// <summary>The owner's own organisation path (their supervisors sit above it); the request's when nobody owns it.</summary>
    public string OwnerPath { get; private set; } = string.Empty;

    public DateTimeOffset OwnerSince { get; private set; }

    public Ownership Ownership => new(OwnerStaffId, OwnerSince);

    public string SubjectType => Kind.ToString();

    public string SubjectId => Id.ToString();

    public static async Task<OwnedRequest?> LoadAsync(AnxinDbContext db, RequestKind kind, Guid id, CancellationToken ct)
    {
        OwnedRequest? request = null;
        DateTimeOffset created = default;
        if (kind == RequestKind.Case)
        {
            var c = await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (c is not null)
            {
                request = new OwnedRequest(kind, c, new RequestRef(kind, c.Id, c.Number, c.OrgNodeId, c.OrgPath), c.OwnerStaffId, c.IsOpen);
                created = c.ReportedAt;
            }
        }
        else if (kind == RequestKind.Consultation)
        {
            var c = await db.Consultations.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (c is not null)
            {
                request = new OwnedRequest(kind, c, c.ToRef(), c.OwnerStaffId, c.IsOpen);
                created = c.OwnerSince;
            }
        }

        if (request is null)
        {
            return null;
        }

        request.OwnerSince = kind == RequestKind.Consultation ? created : await SinceAsync(db, kind, id, created, ct);
        request.OwnerPath = request.OwnerStaffId is { } owner
            ? await db.Staff.IgnoreQueryFilters().Where(s => s.Id == owner).Select(s => s.OrgPath).SingleOrDefaultAsync(ct) ?? request.OrgPath
            : request.OrgPath;
        return request;
    }

    /// <summary>Owner since: the latest hand-over, else when the request came in.</summary>
    public static async Task<DateTimeOffset> SinceAsync(AnxinDbContext db, RequestKind kind, Guid id, DateTimeOffset created, CancellationToken ct)
    {
        var last = await db.Handovers.IgnoreQueryFilters().Where(h => h.SubjectType == kind && h.SubjectId == id)
            .OrderByDescending(h => h.At).Select(h => (DateTimeOffset?)h.At).FirstOrDefaultAsync(ct);
        return last ?? created;
    }

    public RequestAuthority AuthorityOf(CurrentUser me)
    {
        if (me.StaffId is { } staffId && staffId == OwnerStaffId)
        {
            return RequestAuthority.Owner;
        }

        var supervises = me.IsApiKey
            ? me.Has(Permissions.Requests.Supervise)
            : me.Roles.Contains(RoleCodes.Supervisor) || me.Roles.Contains(RoleCodes.DepartmentManager);
        return supervises && me.CanSee(OwnerPath) ? RequestAuthority.Supervisor : RequestAuthority.None;
    }

    /// <summary>In the actor's organisation scope, or the actor owns or supervises it.</summary>
    public bool IsVisibleTo(CurrentUser me) => me.CanSee(OrgPath) || AuthorityOf(me) != RequestAuthority.None;

    /// <summary>Checks the version the caller read (409 when someone changed the request since) and arms the concurrency token.</summary>
    public Result? CheckVersion(AnxinDbContext db, long? version)
    {
        if (version is null)
        {
            return Result.Invalid("Version", "Validation.Version");
        }

        return db.IsAtVersion(Entity, version.Value) ? null : Result.Conflict();
    }

    /// <summary>Hands the request to <paramref name="to"/>, returning the hand-over record to add.</summary>
    public Handover HandOver(Anxin.Domain.Organisation.Staff to, Guid? byStaffId, string? note, HandoverKind kind, DateTimeOffset at)
    {
        if (Consultation is { } consultation)
        {
            return consultation.HandOver(to, byStaffId, note, kind, at);
        }

        var (record, _) = Handover.Record(Ref, Ownership, to, byStaffId, note, kind, at);
        Case!.HandOver(to.Id);
        return record;
    }

    /// <summary>The not-open refusal of this kind of request.</summary>
    public string ClosedCode => Kind == RequestKind.Case ? "Case.NotOpen" : "Consultation.AlreadyAnswered";
}

/// <summary>The follow-up reminder of CC-05 and the in-app notices of the ownership use cases.</summary>
public static class RequestFollowUp
{
    public static string RuleCode => DefaultClockRules.RequestFollowUp.Code;

    /// <summary>
    /// The owner's follow-up clock (Request.FollowUp, default one working day, on the owner's node):
    /// a running one for an earlier owner stops, a new one starts for <paramref name="ownerStaffId"/>.
    /// </summary>
    public static async Task<Anxin.Domain.Clocks.ServiceClock> RestartAsync(AnxinDbContext db, ServiceClocks clocks, OwnedRequest request, Guid ownerStaffId,
        CancellationToken ct)
    {
        await clocks.StopAsync(request.SubjectType, request.SubjectId, RuleCode, ct);
        var nodeId = await db.Staff.IgnoreQueryFilters().Where(s => s.Id == ownerStaffId).Select(s => s.OrgNodeId).SingleAsync(ct);
        return await clocks.StartAsync(RuleCode, request.SubjectType, request.SubjectId, nodeId, ownerStaffId, ct);
    }

    /// <summary>Queues an in-app notice for every account of a member of staff, in the language they chose.</summary>
    public static Task<int> NotifyStaffAsync(AnxinDbContext db, Guid staffId, string template, object parameters, OwnedRequest request,
        DateTimeOffset now, CancellationToken ct) =>
        StaffInbox.QueueAsync(db, staffId, template, parameters, request.Ref.OrgNodeId, request.OrgPath, now, ct);

    /// <summary>"yyyy-MM-dd HH:mm" in China time, for notice texts.</summary>
    public static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Anxin.Domain.Clocks.WorkingCalendar.ChinaTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
