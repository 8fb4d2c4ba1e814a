namespace Samverkan.Organizations;

public sealed record RegionView(string Code, string Name, string CountyCode, string CountyName, string? OrganizationNumber, int Municipalities);

public sealed record MunicipalityView(string Code, string Name, string? OfficialName, string CountyCode, int? Population, int? PopulationYear);

public sealed record ActivityAreaView(string Code, string Name, int? StateAreaNumber, bool IsStateArea);

public sealed record OrganizationSummary(
    string Code, string Name, string Kind, string? CountyCode, string? MunicipalityCode, string? LegalForm,
    IReadOnlyList<ActivityAreaView> ActivityAreas);

public sealed record ContactView(Guid Id, string Name, string? Title, string? Phone, string? Email);

public sealed record PopulationView(int Year, int Population);

public sealed record OrganizationDetail(
    Guid Id, string Code, string Name, string? OfficialName, string Kind, string? CountyCode, string? MunicipalityCode,
    string? SeatMunicipalityName, string? LegalForm, string? OrganizationNumber, string? Description,
    string? PostalAddress, string? VisitingAddress, string? Phone, string? Email, string? Website,
    IReadOnlyList<ActivityAreaView> ActivityAreas, IReadOnlyList<ContactView> Contacts, IReadOnlyList<PopulationView> Population);
