namespace Anxin.Web.Resources;

/// <summary>Marker for the administration strings: AdminText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class AdminText
{
}
