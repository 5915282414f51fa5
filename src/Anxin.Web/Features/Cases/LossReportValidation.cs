using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Cases;

/// <summary>Field-by-field validation of a loss report, the same for the form and the API (CC-03, X-05).</summary>
public static class LossReportValidation
{
    /// <summary>A loss more than this long ago is a typing error, not a late report (late reports are flagged on the claim).</summary>
    public const int MaxAgeYears = 10;

    public static LossReport? Validate(ReportLossRequest r, IntakeChannel channel, DateTimeOffset now, FieldErrors errors)
    {
        if (r.Line is null || !Enum.IsDefined(r.Line.Value))
        {
            errors.Add(nameof(r.Line), ValidationCodes.Required);
        }

        Text(errors, nameof(r.ReporterName), r.ReporterName, Case.MaxNameLength, required: true);
        var mobile = MobileNumber.Create(r.ReporterMobile);
        if (!mobile.IsValid)
        {
            errors.Add(nameof(r.ReporterMobile), mobile.ErrorCode);
        }

        if (!string.IsNullOrWhiteSpace(r.ReporterIdNumber) && ResidentIdNumber.Create(r.ReporterIdNumber) is { IsValid: false } id)
        {
            errors.Add(nameof(r.ReporterIdNumber), id.ErrorCode);
        }

        Text(errors, nameof(r.ContactName), r.ContactName, Case.MaxNameLength, required: false);
        if (!string.IsNullOrWhiteSpace(r.ContactMobile) && MobileNumber.Create(r.ContactMobile) is { IsValid: false } contact)
        {
            errors.Add(nameof(r.ContactMobile), contact.ErrorCode);
        }

        string? plate = null;
        if (!string.IsNullOrWhiteSpace(r.Plate))
        {
            var parsed = PlateNumber.Create(r.Plate);
            if (parsed.IsValid)
            {
                plate = parsed.Value.Value;
            }
            else
            {
                errors.Add(nameof(r.Plate), parsed.ErrorCode);
            }
        }

        var policyNumber = string.IsNullOrWhiteSpace(r.PolicyNumber) ? null : r.PolicyNumber.Trim();
        if (policyNumber is { Length: > Domain.Policies.PolicyDraft.MaxNumberLength })
        {
            errors.Add(nameof(r.PolicyNumber), "Validation.TooLong");
        }

        if (r.Line == Domain.Policies.ProductLine.Motor && policyNumber is null && string.IsNullOrWhiteSpace(r.Plate))
        {
            errors.Add(nameof(r.Plate), "Case.PolicyOrPlate");
        }

        if (r.LossAt is null)
        {
            errors.Add(nameof(r.LossAt), ValidationCodes.Required);
        }
        else if (r.LossAt > now.AddMinutes(5))
        {
            errors.Add(nameof(r.LossAt), "Case.LossInFuture");
        }
        else if (r.LossAt < now.AddYears(-MaxAgeYears))
        {
            errors.Add(nameof(r.LossAt), "Case.LossTooOld");
        }

        Text(errors, nameof(r.LossPlace), r.LossPlace, Case.MaxPlaceLength, required: true);
        if (r.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            errors.Add(nameof(r.Latitude), "Case.Coordinate");
        }

        if (r.Longitude is { } lng && (double.IsNaN(lng) || lng is < -180 or > 180))
        {
            errors.Add(nameof(r.Longitude), "Case.Coordinate");
        }

        if ((r.Latitude is null) != (r.Longitude is null))
        {
            errors.Add(r.Latitude is null ? nameof(r.Latitude) : nameof(r.Longitude), "Case.Coordinate");
        }

        if (r.Cause is null || !Enum.IsDefined(r.Cause.Value))
        {
            errors.Add(nameof(r.Cause), ValidationCodes.Required);
        }

        Text(errors, nameof(r.Description), r.Description, Case.MaxDescriptionLength, required: true);
        Text(errors, nameof(r.LossDescription), r.LossDescription, Case.MaxNoteLength, required: false);
        Text(errors, nameof(r.InjuryDetails), r.InjuryDetails, Case.MaxNoteLength, required: false);
        Text(errors, nameof(r.ThirdParties), r.ThirdParties, Case.MaxNoteLength, required: false);
        if (errors.Any)
        {
            return null;
        }

        return new LossReport(r.Line!.Value, r.ReporterName!.Trim(), mobile.Value.Value, r.ReporterIdNumber?.Trim().ToUpperInvariant() is { Length: > 0 } idn ? idn : null,
            r.ContactName, r.ContactMobile is { Length: > 0 } ? MobileNumber.Create(r.ContactMobile).Value.Value : null,
            policyNumber, plate, r.LossAt!.Value, r.LossPlace!, r.Latitude, r.Longitude, r.Cause!.Value, r.Description!, r.LossDescription,
            r.Injuries, r.InjuryDetails, r.ThirdParties, channel);
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, ValidationCodes.Required);
            }
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, "Validation.TooLong");
        }
    }
}
