namespace Anxin.Web.Resources;

/// <summary>Marker for the consultation, ownership and quality strings: ServiceText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class ServiceText
{
}
