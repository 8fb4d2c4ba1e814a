namespace Samverkan.Common;

/// <summary>A role is always held for one organization (see docs/decisions/0004-authorization.md).</summary>
public static class Roles
{
    public const string RegionAdmin = "region-admin";
    public const string RegionOfficer = "region-officer";
    public const string MunicipalityOfficer = "municipality-officer";
    public const string InstitutionReporter = "institution-reporter";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [RegionAdmin, RegionOfficer, MunicipalityOfficer, InstitutionReporter, Viewer];

    public static bool IsKnown(string role) => All.Contains(role);

    public static string SwedishName(string role) => role switch
    {
        RegionAdmin => "Administratör (region)",
        RegionOfficer => "Handläggare (region)",
        MunicipalityOfficer => "Kulturhandläggare (kommun)",
        InstitutionReporter => "Rapportör (institution)",
        Viewer => "Läsare",
        _ => role,
    };
}
