namespace Samverkan.Documents.Import;

public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// Wall-clock budget for extraction and parsing. The third-party parsers cannot be interrupted, so on
    /// expiry the caller gets an error at once while the abandoned work finishes in the background.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pages read from a PDF; the rest is skipped with a warning.</summary>
    public int MaxPages { get; init; } = 300;

    /// <summary>An agreement is a few pages; far more text than this means the file is not one, or is hostile.</summary>
    public int MaxTextChars { get; init; } = 2_000_000;

    /// <summary>Upper bound for an unpacked part of a .docx (guards against zip bombs).</summary>
    public long MaxDocxPartChars { get; init; } = 20_000_000;
}
