using Samverkan.Organizations;

namespace Samverkan.Common;

/// <summary>
/// Who acts, resolved once per request or command by the front end and read by every use case.
/// Anonymous visitors and the local operator (CLI) are actors too, so rules never special-case a host.
/// </summary>
public sealed record Actor(
    string? UserId,
    string Name,
    Guid? OrganizationId,
    string? OrganizationCode,
    OrganizationKind? OrganizationKind,
    string? CountyCode,
    string? Role,
    bool IsOperator = false)
{
    public static readonly Actor Anonymous = new(null, "anonym", null, null, null, null, null);

    /// <summary>Someone with shell access to the server (the CLI): may run setup commands.</summary>
    public static Actor Operator(string name) => new(null, $"operatör:{name}", null, null, null, null, null, IsOperator: true);

    public bool IsAuthenticated => UserId is not null || IsOperator;

    public bool IsRegionStaff => Role is Roles.RegionAdmin or Roles.RegionOfficer && OrganizationKind == Organizations.OrganizationKind.Region;

    public bool Writes => Role is Roles.RegionAdmin or Roles.RegionOfficer or Roles.MunicipalityOfficer or Roles.InstitutionReporter;
}

/// <summary>The scoped holder of the current actor. Front ends set it; use cases and the audit log read it.</summary>
public sealed class ActorContext
{
    public Actor Current { get; set; } = Actor.Anonymous;

    /// <summary>Which front end the write came through (web, api, cli), for the audit log.</summary>
    public string Channel { get; set; } = "web";
}
