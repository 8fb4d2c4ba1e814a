using Samverkan.Agreements;

namespace Samverkan.Documents.Import;

/// <summary>Where a value was read: a range of <see cref="ImportResult.SourceText"/>.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// The issuing party's letterhead as printed in the page footer, kept apart from the agreement because
/// the agreement model has no place for it; the app may use it to fill in the issuing organization.
/// </summary>
public sealed record ImportedLetterhead
{
    public string? PostalAddress { get; init; }
    public string? VisitingAddress { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? OrganizationNumber { get; init; }
}

/// <summary>
/// What the importer read. Nothing here is guessed: every value has an entry in <see cref="Sources"/>
/// (a path such as <c>sections[1].items[0].text</c>) pointing into <see cref="SourceText"/>, and what
/// could not be placed is described in <see cref="Warnings"/> so a person can finish the job.
/// </summary>
public sealed record ImportResult
{
    public required AgreementContent Agreement { get; init; }

    /// <summary>The municipality's own goals when the document lists them (Smedjebacken's seven).</summary>
    public IReadOnlyList<string> MunicipalGoals { get; init; } = [];

    public ImportedLetterhead? Letterhead { get; init; }

    /// <summary>Swedish, one sentence each, meant for the person reviewing the import.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyDictionary<string, SourceSpan> Sources { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>The text as extracted and normalized (NFC, \n line ends, pages separated by a form feed line).</summary>
    public required string SourceText { get; init; }

    /// <summary>"txt", "pdf" or "docx".</summary>
    public required string Format { get; init; }
}
