namespace Anxin.Domain.Policies;

/// <summary>
/// The standard coverages (险别) per product line and the perils each covers by default, so a
/// policy entered by hand or imported from CSV needs only the coverage code.
/// </summary>
public static class CoverageCatalog
{
    public sealed record Entry(string Code, ProductLine Line, string Name, string NameEn, IReadOnlyList<Peril> Perils);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("CTPL", ProductLine.Motor, "机动车交通事故责任强制保险", "Compulsory traffic liability", [Peril.ThirdPartyDamage, Peril.ThirdPartyInjury]),
        new("VD", ProductLine.Motor, "机动车损失保险", "Vehicle damage",
            [Peril.Collision, Peril.Theft, Peril.Fire, Peril.Explosion, Peril.Flood, Peril.Storm, Peril.Earthquake, Peril.Glass]),
        new("TPL", ProductLine.Motor, "机动车第三者责任保险", "Third-party liability", [Peril.ThirdPartyDamage, Peril.ThirdPartyInjury]),
        new("SEAT", ProductLine.Motor, "机动车车上人员责任保险", "Passenger liability", [Peril.PassengerInjury]),
        new("PROP", ProductLine.Property, "财产基本险", "Property basic", [Peril.Fire, Peril.Explosion]),
        new("PROPALL", ProductLine.Property, "财产综合险", "Property comprehensive",
            [Peril.Fire, Peril.Explosion, Peril.Flood, Peril.Storm, Peril.WaterDamage]),
        new("THEFT", ProductLine.Property, "盗抢险", "Theft", [Peril.Theft]),
        new("PL", ProductLine.Liability, "公众责任险", "Public liability", [Peril.ThirdPartyDamage, Peril.ThirdPartyInjury]),
        new("ADD", ProductLine.Accident, "意外身故残疾", "Accidental death and disability", [Peril.Death, Peril.AccidentalInjury]),
        new("AMR", ProductLine.Accident, "意外医疗", "Accident medical", [Peril.AccidentalInjury]),
        new("MED", ProductLine.Health, "住院医疗", "Hospital medical", [Peril.Illness, Peril.AccidentalInjury]),
        new("CI", ProductLine.Health, "重大疾病", "Critical illness", [Peril.Illness]),
        new("DEATH", ProductLine.Life, "身故保险金", "Death benefit", [Peril.Death]),
        new("EW", ProductLine.ExtendedWarranty, "延长保修", "Extended warranty", [Peril.Breakdown]),
    ];

    public static IReadOnlyList<Peril> PerilsOf(string code) =>
        All.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))?.Perils ?? [];

    public static string? NameOf(string code) =>
        All.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))?.Name;

    public static IEnumerable<Entry> For(ProductLine line) => All.Where(e => e.Line == line);
}
