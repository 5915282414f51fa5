using Anxin.Domain.Dispatch;

namespace Anxin.Domain.Tests.Dispatch;

public sealed class GeoBoxTests
{
    [Theory]
    [InlineData(22.54, 114.06, 10)]
    [InlineData(22.54, 114.06, 300)]
    [InlineData(53.3, 123.2, 50)]
    [InlineData(-33.9, 151.2, 1000)]
    [InlineData(0, 179.9, 40)]
    [InlineData(89.5, 10, 100)]
    public void Every_point_within_the_distance_lies_in_the_box(double lat, double lng, double km)
    {
        var center = GeoPoint.Create(lat, lng).Value;
        var box = GeoBox.Around(center, km);
        var random = new Random(11);
        var inside = 0;
        for (var i = 0; i < 20_000; i++)
        {
            // Points around the centre, denser near the edge of the circle (where a box that is too small would show).
            var bearing = random.NextDouble() * 2 * Math.PI;
            var distance = km * Math.Sqrt(random.NextDouble()) * (random.Next(3) == 0 ? 1.0 : 0.98 + (random.NextDouble() * 0.04));
            var point = Destination(center, bearing, distance);
            if (center.DistanceKmTo(point) <= km)
            {
                inside++;
                Assert.True(box.Contains(point.Latitude, point.Longitude), $"{point} is {center.DistanceKmTo(point):0.000} km away but outside {box}");
            }
        }

        Assert.True(inside > 5_000);
    }

    [Fact]
    public void The_box_is_not_much_larger_than_the_circle()
    {
        var box = GeoBox.Around(GeoPoint.Create(22.54, 114.06).Value, 20);

        Assert.InRange(box.MaxLatitude - box.MinLatitude, 0.35, 0.37); // 40 km of latitude ≈ 0.36°
        Assert.InRange(box.MaxLongitude - box.MinLongitude, 0.38, 0.40); // 40 km along the 22.5th parallel ≈ 0.39°
    }

    [Fact]
    public void A_circle_over_a_pole_or_across_the_antimeridian_takes_every_longitude()
    {
        Assert.Equal((-180.0, 180.0), Longitudes(GeoBox.Around(GeoPoint.Create(89.9, 0).Value, 50)));
        Assert.Equal((-180.0, 180.0), Longitudes(GeoBox.Around(GeoPoint.Create(10, 179.99).Value, 50)));
        Assert.True(GeoBox.Around(GeoPoint.Create(0, 0).Value, 30_000).IsWorld);
    }

    private static (double, double) Longitudes(GeoBox box) => (box.MinLongitude, box.MaxLongitude);

    private static GeoPoint Destination(GeoPoint from, double bearing, double km)
    {
        var d = km / GeoPoint.EarthRadiusKm;
        var lat1 = Haversine.ToRadians(from.Latitude);
        var lng1 = Haversine.ToRadians(from.Longitude);
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(d)) + (Math.Cos(lat1) * Math.Sin(d) * Math.Cos(bearing)));
        var lng2 = lng1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - (Math.Sin(lat1) * Math.Sin(lat2)));
        var lng = (lng2 * 180 / Math.PI) + 540;
        return GeoPoint.Create(Math.Clamp(lat2 * 180 / Math.PI, -90, 90), (lng % 360) - 180).Value;
    }
}
