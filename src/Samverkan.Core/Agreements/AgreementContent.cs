using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.Agreements;

/// <summary>
/// The canonical JSON of an agreement version: the API's shape, the importer's output and what a
/// signature's version hash is computed over. camelCase, dates as yyyy-MM-dd, optional values omitted.
/// </summary>
public sealed record AgreementContent
{
    public Guid? Id { get; init; }
    public int Version { get; init; }
    public string Status { get; init; } = AgreementStatuses.Draft;
    public string Kind { get; init; } = AgreementKinds.MunicipalAgreement;
    public string Title { get; init; } = "";
    public string? Reference { get; init; }
    public DateOnly? Date { get; init; }
    public Period? Period { get; init; }
    public Guid? PlanId { get; init; }
    public IReadOnlyList<PartyRef> Parties { get; init; } = [];
    public CaseOfficer? CaseOfficer { get; init; }
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<SignatureLine> Signatures { get; init; } = [];
}

public sealed record Period(DateOnly From, DateOnly To);

public sealed record PartyRef(string Code, string Name, string Kind);

public sealed record CaseOfficer(string Name, string? Title = null, string? Phone = null, string? Email = null);

public sealed record Section
{
    public string Heading { get; init; } = "";
    public IReadOnlyList<Item> Items { get; init; } = [];
    public IReadOnlyList<Section> Sections { get; init; } = [];
}

public sealed record Item
{
    /// <summary>"paragraph" or "bullet".</summary>
    public string Style { get; init; } = ItemStyles.Paragraph;

    public string Text { get; init; } = "";
    public IReadOnlyList<string> Footnotes { get; init; } = [];
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];
}

public sealed record Commitment
{
    /// <summary>Stable id of the commitment across versions (follow-up attaches to it); null until saved.</summary>
    public Guid? Id { get; init; }

    /// <summary>Codes of the committing parties; more than one means a joint commitment.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    public string Text { get; init; } = "";
    public string? Indicator { get; init; }
    public string? Target { get; init; }
    public DateOnly? Due { get; init; }

    /// <summary>Plan goals and municipal goals this commitment serves.</summary>
    public IReadOnlyList<Guid> GoalIds { get; init; } = [];

    /// <summary>Codes of the regional institutions involved.</summary>
    public IReadOnlyList<string> Institutions { get; init; } = [];
}

/// <summary>A signatory line: who signs for which party, and (once signed) when and over which version hash.</summary>
public sealed record SignatureLine
{
    public string Party { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Role { get; init; }
    public string? Place { get; init; }
    public DateOnly? Date { get; init; }
    public DateTime? SignedAt { get; init; }
    public string? VersionHash { get; init; }
}

public static class AgreementKinds
{
    public const string MunicipalAgreement = "municipal-agreement";
    public const string InstitutionAssignment = "institution-assignment";
    public const string DeclarationOfIntent = "declaration-of-intent";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [MunicipalAgreement, InstitutionAssignment, DeclarationOfIntent, Other];

    /// <summary>The heading a Swedish region prints on the document.</summary>
    public static string DocumentHeading(string kind) => kind switch
    {
        MunicipalAgreement => "ÖVERENSKOMMELSE",
        InstitutionAssignment => "UPPDRAGSÖVERENSKOMMELSE",
        DeclarationOfIntent => "AVSIKTSFÖRKLARING",
        _ => "AVTAL",
    };
}

public static class AgreementStatuses
{
    public const string Draft = "draft";
    public const string Negotiation = "negotiation";
    public const string Agreed = "agreed";
    public const string Signed = "signed";
    public const string Active = "active";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";
}

public static class ItemStyles
{
    public const string Paragraph = "paragraph";
    public const string Bullet = "bullet";
}

public static class AgreementJson
{
    /// <summary>The one serializer setting for canonical JSON; the version hash depends on it never changing silently.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AgreementContent content) => JsonSerializer.Serialize(content, Options);

    public static AgreementContent? Deserialize(string json) => JsonSerializer.Deserialize<AgreementContent>(json, Options);
}

public static class AgreementInput
{
    /// <summary>
    /// Content from outside (API JSON, a form's hidden field) with every absent list made empty, every absent text
    /// made empty and null entries in lists dropped. JSON may say null anywhere, whatever the types declare; after
    /// this the rules can refuse such content with their own messages instead of stumbling over it.
    /// </summary>
    public static AgreementContent WithoutNulls(this AgreementContent c) => c with
    {
        Status = c.Status ?? AgreementStatuses.Draft,
        Kind = c.Kind ?? "",
        Title = c.Title ?? "",
        Parties = Present(c.Parties).Select(p => p with { Code = p.Code ?? "", Name = p.Name ?? "", Kind = p.Kind ?? "" }).ToList(),
        CaseOfficer = c.CaseOfficer is { } officer ? officer with { Name = officer.Name ?? "" } : null,
        Sections = Present(c.Sections).Select(WithoutNulls).ToList(),
        Signatures = Present(c.Signatures).Select(s => s with { Party = s.Party ?? "", Name = s.Name ?? "" }).ToList(),
    };

    private static Section WithoutNulls(Section s) => s with
    {
        Heading = s.Heading ?? "",
        Items = Present(s.Items).Select(i => i with
        {
            Style = i.Style ?? ItemStyles.Paragraph,
            Text = i.Text ?? "",
            Footnotes = Present(i.Footnotes).ToList(),
            Commitments = Present(i.Commitments).Select(c => c with
            {
                Parties = Present(c.Parties).ToList(),
                Text = c.Text ?? "",
                GoalIds = c.GoalIds ?? [],
                Institutions = Present(c.Institutions).ToList(),
            }).ToList(),
        }).ToList(),
        Sections = Present(s.Sections).Select(WithoutNulls).ToList(),
    };

    private static IEnumerable<T> Present<T>(IEnumerable<T?>? items) where T : class => (items ?? []).OfType<T>();
}
