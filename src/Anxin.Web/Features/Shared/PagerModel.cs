namespace Anxin.Web.Features.Shared;

/// <summary>Keyset paging links: first page, and the next page after the last row shown.</summary>
public sealed record PagerModel(int Total, bool HasPrevious, string FirstUrl, string? NextUrl);
