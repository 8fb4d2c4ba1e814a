namespace Samverkan.Common;

/// <summary>
/// The rules for who may act for which organization. Every use case that writes asks here first, so
/// the web pages, the API and the CLI obey the same rules (docs/decisions/0004-authorization.md).
/// </summary>
public static class Access
{
    /// <summary>Whether the actor holds a writing role for exactly this organization.</summary>
    public static bool ActsFor(this Actor actor, Guid organizationId) =>
        actor.Writes && actor.OrganizationId == organizationId;

    /// <summary>Region admins and officers act for their region's own records.</summary>
    public static bool IsStaffOfRegion(this Actor actor, Guid regionId) =>
        actor.IsRegionStaff && actor.OrganizationId == regionId;

    /// <summary>Region staff may read (and where the domain says so, act on) their municipalities' shared records.</summary>
    public static bool IsStaffOfCounty(this Actor actor, string? countyCode) =>
        actor.IsRegionStaff && countyCode is not null && actor.CountyCode == countyCode;

    /// <summary>Checks a write: 401 for anonymous visitors, 403 for everyone else without the right.</summary>
    public static Error? Require(this Actor actor, bool allowed) =>
        allowed ? null : actor.IsAuthenticated ? Error.Forbidden() : Error.Unauthenticated();
}
