namespace Anxin.Web.Resources;

/// <summary>Marker for the shared UI strings: SharedResource.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class SharedResource
{
}
