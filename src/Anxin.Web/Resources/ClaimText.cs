namespace Anxin.Web.Resources;

/// <summary>Marker for the claim strings: ClaimText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class ClaimText
{
}
