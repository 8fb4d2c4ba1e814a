using System.Diagnostics.CodeAnalysis;
using Samverkan.Agreements;

namespace Samverkan.Documents.Render;

/// <summary>
/// Everything that goes on the printed agreement: the agreed content plus what the content does not
/// carry (the issuing party's letterhead, the signatures as recorded, the version hash).
/// </summary>
public sealed record AgreementDocumentModel
{
    public required AgreementContent Content { get; init; }

    /// <summary>The party whose letterhead the document carries (usually the region).</summary>
    public required IssuingParty IssuingParty { get; init; }

    /// <summary>Signatures as recorded by the system; empty for an unsigned draft.</summary>
    public IReadOnlyList<SigningRecord> SigningRecords { get; init; } = [];

    /// <summary>SHA-256 of the version's canonical JSON, 64 lowercase or uppercase hex digits.</summary>
    public string? VersionHash { get; init; }

    public required int VersionNumber { get; init; }

    /// <summary>
    /// The instant written into the document properties (UTC). Passed in rather than read from the
    /// clock so the same version renders to the same text and metadata every time.
    /// </summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>True when the document should end with the signature and version-control block.</summary>
    public bool IsSigned => SigningRecords.Count > 0 || VersionHash is not null;

    internal void Validate()
    {
        if (CreatedAt.Kind != DateTimeKind.Utc)
            throw new ArgumentException("CreatedAt must be UTC.", nameof(CreatedAt));
        if (VersionHash is not null && (VersionHash.Length != 64 || !VersionHash.All(char.IsAsciiHexDigit)))
            throw new ArgumentException("VersionHash must be 64 hex digits (SHA-256).", nameof(VersionHash));
        foreach (var record in SigningRecords)
        {
            if (!SigningMethods.All.Contains(record.Method))
                throw new ArgumentException($"Unknown signing method '{record.Method}'.", nameof(SigningRecords));
            if (record.SignedAt.Kind != DateTimeKind.Utc)
                throw new ArgumentException("SignedAt must be UTC.", nameof(SigningRecords));
        }
    }
}

/// <summary>The letterhead: who issues the document and how to reach them.</summary>
public sealed record IssuingParty
{
    public required string Name { get; init; }
    public IReadOnlyList<string> PostalAddress { get; init; } = [];
    public IReadOnlyList<string> VisitingAddress { get; init; } = [];
    public string? Phone { get; init; }
    public string? Web { get; init; }
    public string? OrganisationNumber { get; init; }
}

/// <summary>One signature as the system recorded it.</summary>
public sealed record SigningRecord
{
    public required string PartyName { get; init; }
    public required string SignatoryName { get; init; }
    public string? Role { get; init; }
    public string? Place { get; init; }
    public required DateOnly Date { get; init; }

    /// <summary>UTC instant the signature was registered.</summary>
    public required DateTime SignedAt { get; init; }

    /// <summary><see cref="SigningMethods.Electronic"/> or <see cref="SigningMethods.Paper"/>.</summary>
    public required string Method { get; init; }
}

public static class SigningMethods
{
    public const string Electronic = "electronic";
    public const string Paper = "paper";
    public static readonly IReadOnlyList<string> All = [Electronic, Paper];
}

/// <summary>
/// Not named "DocumentFormat": that is the Open XML SDK's root namespace, and any project that
/// references both would have to qualify every use.
/// </summary>
public enum AgreementDocumentFormat
{
    Pdf,
    Docx,
}

public static class AgreementDocumentFormats
{
    /// <summary>Parses "pdf" or "docx" (any case, an optional leading dot) as used in URLs and CLI options.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out AgreementDocumentFormat? format)
    {
        format = value?.Trim().TrimStart('.').ToLowerInvariant() switch
        {
            "pdf" => AgreementDocumentFormat.Pdf,
            "docx" => AgreementDocumentFormat.Docx,
            _ => null,
        };
        return format is not null;
    }

    public static string FileExtension(this AgreementDocumentFormat format) => format switch
    {
        AgreementDocumentFormat.Pdf => "pdf",
        AgreementDocumentFormat.Docx => "docx",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string MediaType(this AgreementDocumentFormat format) => format switch
    {
        AgreementDocumentFormat.Pdf => "application/pdf",
        AgreementDocumentFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
