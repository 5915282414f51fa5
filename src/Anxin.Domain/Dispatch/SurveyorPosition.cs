namespace Anxin.Domain.Dispatch;

/// <summary>
/// The latest position a surveyor (or their device) reported, for travel-time estimates. Only the
/// last point is kept, never a track (a location track is sensitive personal information under
/// PIPL art. 28); it is not versioned (the last report wins) and not audited field by field.
/// </summary>
public sealed class SurveyorPosition
{
    private SurveyorPosition()
    {
    }

    public Guid StaffId { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public GeoPoint Point => GeoPoint.Create(Latitude, Longitude).Value;

    public static SurveyorPosition Create(Guid staffId, GeoPoint point, DateTimeOffset at)
    {
        var position = new SurveyorPosition { StaffId = staffId };
        position.Report(point, at);
        return position;
    }

    public void Report(GeoPoint point, DateTimeOffset at)
    {
        Latitude = point.Latitude;
        Longitude = point.Longitude;
        ReportedAt = at;
    }

    /// <summary>Whether the point is recent enough to stand for where the surveyor is now.</summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan freshFor) => now - ReportedAt <= freshFor;
}
