namespace Anxin.Web.Features.Shared;

/// <summary>
/// Keyset paging links: first page, and the next page after the last row shown. A list that counts
/// only up to a cap says so with <paramref name="TotalCapped"/> ("10,000+").
/// </summary>
public sealed record PagerModel(int Total, bool HasPrevious, string FirstUrl, string? NextUrl, bool TotalCapped = false)
{
    public string TotalText => TotalCapped
        ? Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "+"
        : Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
