namespace Anxin.Web.Resources;

/// <summary>Marker for the messaging pages' strings: MessagingText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class MessagingText
{
}
