using Anxin.Domain.Common;

namespace Anxin.Domain.Dispatch;

/// <summary>A WGS-84 position in decimal degrees.</summary>
public readonly record struct GeoPoint
{
    public const string LatitudeRange = "Validation.Latitude.Range";
    public const string LongitudeRange = "Validation.Longitude.Range";

    /// <summary>Mean earth radius (IUGG), km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>Both coordinates are required; latitude within ±90, longitude within ±180, finite.</summary>
    public static ValueResult<GeoPoint> Create(double? latitude, double? longitude)
    {
        if (latitude is null || longitude is null)
        {
            return ValueResult<GeoPoint>.Fail(ValidationCodes.Required);
        }

        if (!double.IsFinite(latitude.Value) || latitude.Value is < -90 or > 90)
        {
            return ValueResult<GeoPoint>.Fail(LatitudeRange);
        }

        if (!double.IsFinite(longitude.Value) || longitude.Value is < -180 or > 180)
        {
            return ValueResult<GeoPoint>.Fail(LongitudeRange);
        }

        // Six decimals is about 0.1 m: more is noise from the device.
        return ValueResult<GeoPoint>.Ok(new GeoPoint(Math.Round(latitude.Value, 6), Math.Round(longitude.Value, 6)));
    }

    /// <summary>Great-circle (haversine) distance in km.</summary>
    public double DistanceKmTo(GeoPoint other) => Haversine.DistanceKm(
        Haversine.ToRadians(Latitude), Haversine.ToRadians(Longitude), Math.Cos(Haversine.ToRadians(Latitude)),
        Haversine.ToRadians(other.Latitude), Haversine.ToRadians(other.Longitude), Math.Cos(Haversine.ToRadians(other.Latitude)));

    public override string ToString() => FormattableString.Invariant($"{Latitude:0.######},{Longitude:0.######}");
}

/// <summary>The haversine formula on precomputed radians and cosines (the ranker's hot loop calls it).</summary>
public static class Haversine
{
    public static double ToRadians(double degrees) => degrees * (Math.PI / 180.0);

    public static double DistanceKm(double lat1, double lng1, double cosLat1, double lat2, double lng2, double cosLat2)
    {
        var sinDLat = Math.Sin((lat2 - lat1) * 0.5);
        var sinDLng = Math.Sin((lng2 - lng1) * 0.5);
        var a = (sinDLat * sinDLat) + (cosLat1 * cosLat2 * sinDLng * sinDLng);
        return 2.0 * GeoPoint.EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }
}
