namespace Anxin.Web.Resources;

/// <summary>Marker for the notification bell and list strings: NotificationText.resx (zh-CN), .en.resx, .zh-Hant.resx.</summary>
public sealed class NotificationText
{
}
