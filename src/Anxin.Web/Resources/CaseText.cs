namespace Anxin.Web.Resources;

/// <summary>Marker for the policy and case strings: CaseText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class CaseText
{
}
