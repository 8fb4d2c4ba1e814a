namespace Samverkan.Common;

/// <summary>How an expected failure maps to a front end: each front end translates the kind once.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthenticated,
}

/// <summary>An expected failure with a stable, dotted code (e.g. <c>plan.period-invalid</c>).</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, string? Field = null)
{
    /// <summary>Extra facts a client can act on (e.g. the current version after a stale edit); shown as problem members.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static Error Validation(string code, string message, string? field = null) => new(code, message, ErrorKind.Validation, field);
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Forbidden(string message = "Du får inte göra detta för den organisationen.") => new("access.forbidden", message, ErrorKind.Forbidden);
    public static Error Unauthenticated() => new("access.unauthenticated", "Logga in för att göra detta.", ErrorKind.Unauthenticated);
}

public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value) { _value = value; Error = null; }
    private Result(Error error) { _value = default; Error = error; }

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Code}");

    public static implicit operator Result<T>(T value) => new(value);

    /// <summary>For values whose static type is an interface, which implicit conversions cannot take.</summary>
    public static Result<T> From(T value) => new(value);
    public static implicit operator Result<T>(Error error) => new(error);

    public TOut Match<TOut>(Func<T, TOut> ok, Func<Error, TOut> fail) => IsSuccess ? ok(_value!) : fail(Error!);
}

/// <summary>A result of a write that returns nothing but success.</summary>
public readonly record struct Done
{
    public static readonly Done Value = new();
}
