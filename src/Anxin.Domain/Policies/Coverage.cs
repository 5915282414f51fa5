using Anxin.Domain.Common;

namespace Anxin.Domain.Policies;

/// <summary>One coverage (险别) of a policy: what it pays for, up to how much, after which deductible.</summary>
public sealed class Coverage
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 60;

    private Coverage()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>保险金额 / 责任限额, in yuan.</summary>
    public decimal SumInsured { get; private set; }

    /// <summary>Fixed deductible (免赔额), in yuan; 0 when none.</summary>
    public decimal Deductible { get; private set; }

    /// <summary>Percentage deductible (免赔率) of the loss, 0–100; null when none.</summary>
    public decimal? DeductibleRate { get; private set; }

    /// <summary>每次事故赔偿限额, in yuan; null when only the sum insured caps.</summary>
    public decimal? PerEventLimit { get; private set; }

    /// <summary>The perils covered, stored as a comma-separated list of <see cref="Peril"/> names.</summary>
    public string Perils { get; private set; } = string.Empty;

    public IReadOnlyList<Peril> CoveredPerils =>
        [.. Perils.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Enum.Parse<Peril>(p))];

    public bool Covers(Peril peril) => CoveredPerils.Contains(peril);

    /// <summary>
    /// A coverage; when <paramref name="perils"/> is empty the catalogue's perils for the code
    /// apply. Throws <see cref="DomainException"/> with the offending field.
    /// </summary>
    public static Coverage Create(string? code, string? name, decimal sumInsured, decimal deductible = 0m, decimal? deductibleRate = null,
        decimal? perEventLimit = null, IEnumerable<Peril>? perils = null)
    {
        code = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Code));
        }

        if (code.Length > MaxCodeLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Code));
        }

        var covered = (perils ?? []).Distinct().ToList();
        if (covered.Count == 0)
        {
            covered = [.. CoverageCatalog.PerilsOf(code)];
        }

        if (covered.Count == 0)
        {
            throw new DomainException("Policy.CoverageUnknown", nameof(Perils));
        }

        name = string.IsNullOrWhiteSpace(name) ? CoverageCatalog.NameOf(code) ?? code : name.Trim();
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Name));
        }

        if (sumInsured <= 0)
        {
            throw new DomainException("Policy.SumInsuredPositive", nameof(SumInsured));
        }

        if (sumInsured > Money.MaxAmount)
        {
            throw new DomainException(ValidationCodes.MoneyRange, nameof(SumInsured));
        }

        if (deductible < 0 || deductible >= sumInsured)
        {
            throw new DomainException("Policy.DeductibleRange", nameof(Deductible));
        }

        if (deductibleRate is < 0 or >= 100)
        {
            throw new DomainException("Policy.DeductibleRateRange", nameof(DeductibleRate));
        }

        if (perEventLimit is { } limit && (limit <= 0 || limit > sumInsured))
        {
            throw new DomainException("Policy.PerEventLimitRange", nameof(PerEventLimit));
        }

        return new Coverage
        {
            Code = code,
            Name = name,
            SumInsured = decimal.Round(sumInsured, 2, MidpointRounding.AwayFromZero),
            Deductible = decimal.Round(deductible, 2, MidpointRounding.AwayFromZero),
            DeductibleRate = deductibleRate,
            PerEventLimit = perEventLimit,
            Perils = string.Join(',', covered.Order()),
        };
    }
}
