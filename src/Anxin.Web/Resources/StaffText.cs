namespace Anxin.Web.Resources;

/// <summary>Marker for the staff feature's strings: StaffText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class StaffText
{
}
