using Anxin.Domain.Common;

namespace Anxin.Web.Infrastructure.Http;

public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// A field at fault and the resource key of its message; <paramref name="Argument"/> fills the
/// message's <c>{0}</c> (e.g. the number of the customer a new one duplicates).
/// </summary>
public sealed record FieldError(string Field, string Code, string? Argument = null);

/// <summary>Expected outcomes of a use case: failures are values, not exceptions (STYLE §6).</summary>
public class Result
{
    protected Result(ResultStatus status, IReadOnlyList<FieldError>? errors = null, string? code = null)
    {
        Status = status;
        Errors = errors ?? [];
        Code = code;
    }

    public ResultStatus Status { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Resource key describing a not-found, forbidden or conflict outcome.</summary>
    public string? Code { get; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result Ok() => new(ResultStatus.Ok);

    public static Result Invalid(string field, string code) => new(ResultStatus.Invalid, [new FieldError(field, code)]);

    public static Result Invalid(IReadOnlyList<FieldError> errors) => new(ResultStatus.Invalid, errors);

    public static Result NotFound() => new(ResultStatus.NotFound, code: "Error.NotFound");

    public static Result Forbidden() => new(ResultStatus.Forbidden, code: "Error.Forbidden");

    public static Result Conflict(string code = "Error.Concurrency") => new(ResultStatus.Conflict, code: code);

    public static Result From(DomainException e) => Invalid(e.Field ?? string.Empty, e.Code);
}

public sealed class Result<T> : Result
{
    private Result(T value)
        : base(ResultStatus.Ok) => Value = value;

    private Result(Result failure)
        : base(failure.Status, failure.Errors, failure.Code)
    {
    }

    public T? Value { get; }

    public static Result<T> Ok(T value) => new(value);

    public static implicit operator Result<T>(T value) => new(value);

    public static Result<T> Fail(Result failure) => new(failure);

    public static new Result<T> Invalid(string field, string code) => new(Result.Invalid(field, code));

    public static new Result<T> Invalid(IReadOnlyList<FieldError> errors) => new(Result.Invalid(errors));

    public static new Result<T> NotFound() => new(Result.NotFound());

    public static new Result<T> Forbidden() => new(Result.Forbidden());

    public static new Result<T> Conflict(string code = "Error.Concurrency") => new(Result.Conflict(code));

    public static new Result<T> From(DomainException e) => new(Result.From(e));
}

/// <summary>Collects field errors while validating a request.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> All => _errors;

    public void Add(string field, string code) => _errors.Add(new FieldError(field, code));

    /// <summary>An error whose message names something (<paramref name="argument"/> fills its <c>{0}</c>).</summary>
    public void Add(string field, string code, string? argument) => _errors.Add(new FieldError(field, code, argument));

    /// <summary>Validates an optional value object: blank is fine, otherwise it must be valid.</summary>
    public T? Optional<T>(string field, string? input, Func<string?, ValueResult<T>> create)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var result = create(input);
        if (!result.IsValid)
        {
            Add(field, result.ErrorCode!);
            return null;
        }

        return result.Value;
    }

    public void Required(string field, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            Add(field, ValidationCodes.Required);
        }
    }
}
