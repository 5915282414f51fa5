namespace Anxin.Web.Resources;

/// <summary>Marker for the service-clock and business-calendar UI strings: ClockText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class ClockText
{
}
