namespace Anxin.Web.Infrastructure.Http;

/// <summary>
/// Marks an interface one feature declares so that others can plug into it (e.g. the case
/// timeline's sources). Every class in Anxin.Web.Features implementing it is registered (scoped)
/// and the declaring feature takes them all as <c>IEnumerable&lt;T&gt;</c>: a new source is a new
/// class, with no shared registration file to edit.
/// </summary>
[AttributeUsage(AttributeTargets.Interface)]
public sealed class ExtensionPointAttribute : Attribute
{
}
