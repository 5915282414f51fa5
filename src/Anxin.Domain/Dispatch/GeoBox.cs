namespace Anxin.Domain.Dispatch;

/// <summary>
/// A latitude/longitude rectangle (degrees) that holds every point within a distance of a centre,
/// for a prefilter an index can serve before the exact haversine ranking. Points outside the box
/// are farther than the distance; points inside may be farther too (the corners).
/// </summary>
public readonly record struct GeoBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    /// <summary>The whole globe.</summary>
    public static GeoBox World { get; } = new(-90, 90, -180, 180);

    public bool IsWorld => this == World;

    /// <summary>
    /// The bounding box of the spherical cap of <paramref name="radiusKm"/> around <paramref name="center"/>
    /// (J. P. Matuschek's method): the latitude span is the angular radius; the longitude span the
    /// widest the cap gets, at the latitude where its edge meets a meridian tangentially. A cap over a
    /// pole or across the antimeridian takes every longitude. Padded by a metre against rounding.
    /// </summary>
    public static GeoBox Around(GeoPoint center, double radiusKm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusKm);
        var r = (radiusKm + 0.001) / GeoPoint.EarthRadiusKm;
        var lat = Haversine.ToRadians(center.Latitude);
        var lng = Haversine.ToRadians(center.Longitude);
        var (minLat, maxLat) = (lat - r, lat + r);
        if (r >= Math.PI || minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2)
        {
            return new GeoBox(Math.Max(-90, ToDegrees(minLat)), Math.Min(90, ToDegrees(maxLat)), -180, 180);
        }

        var dLng = Math.Asin(Math.Min(1.0, Math.Sin(r) / Math.Cos(lat)));
        var (minLng, maxLng) = (lng - dLng, lng + dLng);
        return minLng < -Math.PI || maxLng > Math.PI
            ? new GeoBox(ToDegrees(minLat), ToDegrees(maxLat), -180, 180)
            : new GeoBox(ToDegrees(minLat), ToDegrees(maxLat), ToDegrees(minLng), ToDegrees(maxLng));
    }

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;

    private static double ToDegrees(double radians) => radians * (180.0 / Math.PI);
}
