using Samverkan.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// Which region a page shows when the address names none: the signed-in person's own county, else the installation's
/// home region (<c>Samverkan:HomeRegion</c>, the region that runs this Samverkan), else Dalarna, the demo's region.
/// </summary>
public static class HomeRegion
{
    public const string ConfigurationKey = "Samverkan:HomeRegion";
    private const string Demo = "20";

    public static string Of(IConfiguration configuration) => configuration[ConfigurationKey] is { Length: > 0 } code ? code.Trim() : Demo;

    /// <summary>The region asked for, trimmed, or the default for this person.</summary>
    public static string Pick(string? asked, Actor actor, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(asked) ? actor.CountyCode ?? Of(configuration) : asked.Trim();

    /// <summary>The region asked for, trimmed, or the home region: for public pages, which do not depend on who reads.</summary>
    public static string Pick(string? asked, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(asked) ? Of(configuration) : asked.Trim();
}
