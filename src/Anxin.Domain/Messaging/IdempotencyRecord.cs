namespace Anxin.Domain.Messaging;

/// <summary>
/// The remembered outcome of a create request sent with an Idempotency-Key: the same
/// caller sending the same key and body again gets this response instead of a second object.
/// A record with <see cref="StatusCode"/> 0 is a request still in progress.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    private IdempotencyRecord()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>"user:{id}" or "apikey:{id}".</summary>
    public string Caller { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public string Path { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the request body, hex.</summary>
    public string BodyHash { get; private set; } = string.Empty;

    public int StatusCode { get; private set; }

    public string? ResponseBody { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsComplete => StatusCode != 0;

    public static IdempotencyRecord Start(string caller, string key, string path, string bodyHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Caller = caller,
        Key = key,
        Path = path,
        BodyHash = bodyHash,
        CreatedAt = now,
    };

    public void Complete(int statusCode, string? body, string? contentType, string? location)
    {
        StatusCode = statusCode;
        ResponseBody = body;
        ContentType = contentType;
        Location = location;
    }
}
