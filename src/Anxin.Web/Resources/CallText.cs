namespace Anxin.Web.Resources;

/// <summary>Marker for the contact-centre feature's strings: CallText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class CallText
{
}
