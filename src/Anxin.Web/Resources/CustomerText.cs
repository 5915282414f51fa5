namespace Anxin.Web.Resources;

/// <summary>Marker for the customer feature's strings: CustomerText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class CustomerText
{
}
