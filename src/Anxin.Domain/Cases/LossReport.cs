using Anxin.Domain.Policies;

namespace Anxin.Domain.Cases;

/// <summary>The validated content of a loss report (CC-03), as the agent typed it or the insurer sent it.</summary>
public sealed record LossReport(
    ProductLine Line,
    string ReporterName,
    string ReporterMobile,
    string? ReporterIdNumber,
    string? ContactName,
    string? ContactMobile,
    string? PolicyNumber,
    string? Plate,
    DateTimeOffset LossAt,
    string LossPlace,
    double? Latitude,
    double? Longitude,
    Peril Cause,
    string Description,
    string? LossDescription,
    bool Injuries,
    string? InjuryDetails,
    string? ThirdParties,
    IntakeChannel Channel);
