using System.Globalization;
using Anxin.Domain.Common;
using Bogus;

namespace Anxin.Bench;

/// <summary>
/// Realistic Chinese names, places and texts from Bogus (zh_CN), drawn once into pools and then
/// picked at random: generating ten million rows must not spend its time in the faker.
/// </summary>
public sealed class FakeData
{
    private static readonly string[] Provinces = ["粤", "浙", "京", "沪", "苏", "川", "鄂", "湘", "闽", "鲁"];
    private static readonly string[] Accidents =
    [
        "在{0}路口与前车追尾，车头受损，无人员受伤",
        "在{0}停车时被倒车车辆刮擦左后门",
        "暴雨导致车辆在{0}涉水熄火",
        "在{0}变道时与右侧车辆发生碰撞",
        "车辆停放于{0}，前挡风玻璃被高空坠物砸碎",
        "在{0}倒车时撞到路边护栏，后保险杠受损",
        "在{0}被追尾，后备箱变形",
        "行驶至{0}时与电动自行车剐蹭，对方轻微擦伤",
    ];

    private readonly Random _random;
    private readonly string[] _names;
    private readonly string[] _places;

    public FakeData(int seed)
    {
        _random = new Random(seed);
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("zh_CN");
        _names = Enumerable.Range(0, 5000).Select(_ => faker.Name.LastName() + faker.Name.FirstName()).ToArray();
        _places = Enumerable.Range(0, 5000).Select(_ => faker.Address.City() + faker.Address.StreetName() + faker.Address.BuildingNumber() + "号").ToArray();
    }

    public Random Random => _random;

    public string Name() => _names[_random.Next(_names.Length)];

    public string Place() => Clip(_places[_random.Next(_places.Length)], 200);

    public string Description() => string.Format(CultureInfo.InvariantCulture, Accidents[_random.Next(Accidents.Length)], Place());

    public string Mobile() => "1" + "3578"[_random.Next(4)].ToString() + _random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    public string Plate()
    {
        for (var attempt = 0; ; attempt++)
        {
            var plate = Provinces[_random.Next(Provinces.Length)] + (char)('A' + _random.Next(0, 8)) + _random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture);
            if (PlateNumber.TryCreate(plate, out var valid))
            {
                return valid.Value;
            }

            if (attempt > 10)
            {
                throw new InvalidOperationException("The plate pattern does not pass PlateNumber: " + plate);
            }
        }
    }

    /// <summary>Where scenes (and surveyors) are drawn: south-east China.</summary>
    public static readonly (double MinLat, double MaxLat, double MinLng, double MaxLng) CoordinateBox = (22.3, 30.3, 113.5, 121.5);

    public (double Lat, double Lng) Coordinates() => (CoordinateBox.MinLat + (_random.NextDouble() * (CoordinateBox.MaxLat - CoordinateBox.MinLat)),
        CoordinateBox.MinLng + (_random.NextDouble() * (CoordinateBox.MaxLng - CoordinateBox.MinLng)));

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}
