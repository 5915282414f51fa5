namespace Anxin.Web.Resources;

/// <summary>Marker for the policy register and required-documents strings: PolicyText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class PolicyText
{
}
