namespace Anxin.Domain.Common;

/// <summary>
/// Data that may belong to a commissioning insurer (委托公司, X-14). Users and API keys of an
/// insurer see only the rows of that insurer; our own business has no insurer.
/// </summary>
public interface IInsurerOwned
{
    Guid? InsurerId { get; }
}
