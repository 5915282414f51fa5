using System.Text.Json;
using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>
/// The payable-amount computation an adjudication used (CLM-04), kept with the claim so the amount
/// can be shown step by step afterwards: the coverage inputs and every step of <see cref="PayableAmount"/>.
/// </summary>
public sealed class ClaimCalculation : IHasTimestamps
{
    public const int MaxJsonLength = 20_000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private ClaimCalculation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>The <see cref="CoverageLoss"/> inputs as JSON.</summary>
    public string Inputs { get; private set; } = "[]";

    /// <summary>The <see cref="PayableResult"/> as JSON.</summary>
    public string Result { get; private set; } = "{}";

    public decimal Total { get; private set; }

    public Guid CalculatedBy { get; private set; }

    public DateTimeOffset CalculatedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static ClaimCalculation Record(Guid claimId, IReadOnlyList<CoverageLoss> inputs, PayableResult result, Guid by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        var inputJson = JsonSerializer.Serialize(inputs, Json);
        var resultJson = JsonSerializer.Serialize(result, Json);
        if (inputJson.Length > MaxJsonLength || resultJson.Length > MaxJsonLength)
        {
            throw new DomainException(ValidationCodes.TooLong, nameof(Inputs));
        }

        return new ClaimCalculation
        {
            Id = Guid.CreateVersion7(),
            ClaimId = claimId,
            Inputs = inputJson,
            Result = resultJson,
            Total = result.Total,
            CalculatedBy = by,
            CalculatedAt = at,
        };
    }

    public PayableResult? ReadResult() => JsonSerializer.Deserialize<PayableResult>(Result, Json);

    public IReadOnlyList<CoverageLoss> ReadInputs() => JsonSerializer.Deserialize<List<CoverageLoss>>(Inputs, Json) ?? [];
}
