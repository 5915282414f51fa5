namespace Anxin.Web.Resources;

/// <summary>Marker for the dispatch feature's strings: DispatchText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class DispatchText
{
}
