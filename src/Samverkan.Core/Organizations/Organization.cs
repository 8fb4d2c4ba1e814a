namespace Samverkan.Organizations;

public enum OrganizationKind
{
    Region,
    Municipality,
    Institution,
    Organizer,
    StateBody,
}

/// <summary>
/// Any party in the model. The <see cref="Code"/> is stable and public: the county code for a region (20),
/// the municipality code for a municipality (2061), a slug or organisation number for the rest.
/// </summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The name as the organization writes it in documents ("Smedjebackens kommun"), where known.</summary>
    public string? OfficialName { get; set; }

    public string DisplayName => OfficialName ?? Name;

    public OrganizationKind Kind { get; set; }

    /// <summary>The county (and so the region) the organization belongs to; null for state bodies.</summary>
    public string? CountyCode { get; set; }

    /// <summary>For a municipality its own code; for others the seat municipality.</summary>
    public string? MunicipalityCode { get; set; }

    public string? LegalForm { get; set; }
    public string? OrganizationNumber { get; set; }
    public string? Description { get; set; }
    public string? PostalAddress { get; set; }
    public string? VisitingAddress { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    public List<ContactPerson> Contacts { get; set; } = [];
    public List<OrganizationActivityArea> ActivityAreas { get; set; } = [];
}

public sealed class ContactPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>Which activity areas an institution or organizer works in.</summary>
public sealed class OrganizationActivityArea
{
    public Guid OrganizationId { get; set; }
    public Guid ActivityAreaId { get; set; }
}

public static class OrganizationKinds
{
    public static string ToCode(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.Region => "region",
        OrganizationKind.Municipality => "municipality",
        OrganizationKind.Institution => "institution",
        OrganizationKind.Organizer => "organizer",
        OrganizationKind.StateBody => "state-body",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static OrganizationKind? Parse(string? code) => code?.ToLowerInvariant() switch
    {
        "region" => OrganizationKind.Region,
        "municipality" => OrganizationKind.Municipality,
        "institution" => OrganizationKind.Institution,
        "organizer" => OrganizationKind.Organizer,
        "state-body" => OrganizationKind.StateBody,
        _ => null,
    };

    public static string SwedishName(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.Region => "Region",
        OrganizationKind.Municipality => "Kommun",
        OrganizationKind.Institution => "Regional kulturinstitution",
        OrganizationKind.Organizer => "Arrangör",
        OrganizationKind.StateBody => "Statlig myndighet",
        _ => kind.ToString(),
    };
}
