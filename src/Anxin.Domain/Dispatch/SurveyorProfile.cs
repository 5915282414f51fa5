using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Dispatch;

/// <summary>
/// What dispatch needs to know about a surveyor / loss adjuster (CC-04, CC-11): skills, home base,
/// presence, how many open assignments they may carry and how many they carry now, and which
/// commissioning insurers they work for. One per member of staff, owned by the staff
/// member's organisation node. The live position is kept apart in <see cref="SurveyorPosition"/>:
/// it changes every few seconds, must not bump this aggregate's version (which guards the load
/// against two dispatchers assigning at once) and, being a location track, is not written to the
/// audit trail.
/// </summary>
public sealed class SurveyorProfile : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int DefaultLoadCap = 5;
    public const int MaxLoadCap = 20;
    public const int MaxInsurers = 20;

    private SurveyorProfile()
    {
    }

    /// <summary>The member of staff this profile describes (also the key).</summary>
    public Guid StaffId { get; private set; }

    Guid IAudited.Id => StaffId;

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public SurveyorSkills Skills { get; private set; }

    /// <summary>Where the surveyor starts from when no live position is known.</summary>
    public double BaseLatitude { get; private set; }

    public double BaseLongitude { get; private set; }

    public SurveyorPresence Presence { get; private set; } = SurveyorPresence.Offline;

    public DateTimeOffset? PresenceChangedAt { get; private set; }

    /// <summary>Open assignments the surveyor may carry at once; at the cap no new work is given.</summary>
    public int LoadCap { get; private set; } = DefaultLoadCap;

    /// <summary>Open assignments now (assigned, acknowledged or arrived), kept with each assignment change.</summary>
    public int ActiveLoad { get; private set; }

    /// <summary>
    /// The commissioning insurers served, as comma-separated ids (empty: every insurer). Stored as
    /// text so that the audit trail shows the old and new lists.
    /// </summary>
    public string InsurerIdList { get; private set; } = string.Empty;

    /// <summary>The commissioning insurers served; empty means every insurer.</summary>
    public IReadOnlyList<Guid> InsurerIds => ParseInsurerIds(InsurerIdList);

    /// <summary>The ids in a stored <see cref="InsurerIdList"/> (for readers that load the column alone).</summary>
    public static IReadOnlyList<Guid> ParseInsurerIds(string list) => list.Length == 0 ? [] : [.. list.Split(',').Select(Guid.Parse)];

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public GeoPoint Base => GeoPoint.Create(BaseLatitude, BaseLongitude).Value;

    public bool IsAtCapacity => ActiveLoad >= LoadCap;

    public static SurveyorProfile Create(Staff staff, SurveyorSkills skills, GeoPoint baseLocation, int loadCap, IEnumerable<Guid>? insurerIds)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var profile = new SurveyorProfile { StaffId = staff.Id };
        profile.PlaceIn(staff);
        profile.Change(skills, baseLocation, loadCap, insurerIds);
        return profile;
    }

    /// <summary>An administrator's edit of the dispatch facts. Lowering the cap below the current load only stops new work.</summary>
    public void Change(SurveyorSkills skills, GeoPoint baseLocation, int loadCap, IEnumerable<Guid>? insurerIds)
    {
        if (skills == SurveyorSkills.None)
        {
            throw new DomainException("Dispatch.Skills.Required", nameof(Skills));
        }

        if (!skills.IsValid())
        {
            throw new DomainException("Dispatch.Skills.Unknown", nameof(Skills));
        }

        if (loadCap is < 1 or > MaxLoadCap)
        {
            throw new DomainException("Dispatch.LoadCap.Range", nameof(LoadCap));
        }

        var insurers = (insurerIds ?? []).Where(i => i != Guid.Empty).Distinct().Order().ToArray();
        if (insurers.Length > MaxInsurers)
        {
            throw new DomainException("Dispatch.Insurers.TooMany", nameof(InsurerIds));
        }

        Skills = skills;
        BaseLatitude = baseLocation.Latitude;
        BaseLongitude = baseLocation.Longitude;
        LoadCap = loadCap;
        InsurerIdList = string.Join(',', insurers);
    }

    /// <summary>Follows the member of staff to another organisation node.</summary>
    public void PlaceIn(Staff staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        OrgNodeId = staff.OrgNodeId;
        OrgPath = staff.OrgPath;
    }

    /// <summary>
    /// Starts or ends a shift or a break. A break is only taken from a shift; going offline is
    /// always allowed (open assignments stay with the surveyor). Returns false when nothing changed
    /// (a device may send the same state again).
    /// </summary>
    public bool ChangePresence(SurveyorPresence presence, DateTimeOffset at)
    {
        if (!Enum.IsDefined(presence))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Presence));
        }

        if (presence == Presence)
        {
            return false;
        }

        if (presence == SurveyorPresence.OnBreak && Presence != SurveyorPresence.OnShift)
        {
            throw new DomainException("Dispatch.Presence.BreakNeedsShift", nameof(Presence));
        }

        Presence = presence;
        PresenceChangedAt = at;
        return true;
    }

    /// <summary>Whether the surveyor works for <paramref name="insurerId"/> (our own cases, without an insurer, go to anyone).</summary>
    public bool Serves(Guid? insurerId) => insurerId is not { } id || InsurerIdList.Length == 0 || InsurerIds.Contains(id);

    /// <summary>One more open assignment: refused when offline or at the cap (CC-11).</summary>
    public void TakeAssignment()
    {
        if (Presence == SurveyorPresence.Offline)
        {
            throw new DomainException("Dispatch.Surveyor.Offline", "SurveyorStaffId");
        }

        if (IsAtCapacity)
        {
            throw new DomainException("Dispatch.Surveyor.AtCapacity", "SurveyorStaffId");
        }

        ActiveLoad++;
    }

    /// <summary>An open assignment ended (assessed, reassigned or cancelled).</summary>
    public void ReleaseAssignment() => ActiveLoad = Math.Max(0, ActiveLoad - 1);

    public void BumpVersion() => Version++;
}
