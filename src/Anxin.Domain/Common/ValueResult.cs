using System.Diagnostics.CodeAnalysis;

namespace Anxin.Domain.Common;

/// <summary>
/// Immutable outcome of creating a value object: either a valid value or a stable error code
/// (one of <see cref="ValidationCodes"/>).
/// </summary>
public sealed class ValueResult<T>
{
    private readonly T? value;

    private ValueResult(bool isValid, T? value, string? errorCode)
    {
        IsValid = isValid;
        this.value = value;
        ErrorCode = errorCode;
    }

    [MemberNotNullWhen(false, nameof(ErrorCode))]
    public bool IsValid { get; }

    /// <summary>The created value; throws <see cref="InvalidOperationException"/> when invalid.</summary>
    public T Value => IsValid
        ? value!
        : throw new InvalidOperationException($"The value is invalid ({ErrorCode}); check IsValid before reading Value.");

    /// <summary>The error code when invalid; null when valid.</summary>
    public string? ErrorCode { get; }

    public static ValueResult<T> Ok(T value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return new ValueResult<T>(true, value, null);
    }

    public static ValueResult<T> Fail(string errorCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        return new ValueResult<T>(false, default, errorCode);
    }

    public override string ToString() => IsValid ? $"Ok({value})" : $"Fail({ErrorCode})";
}
