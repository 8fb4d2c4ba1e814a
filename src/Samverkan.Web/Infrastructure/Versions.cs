using Samverkan.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>The client's current version comes from the body or an If-Match header ("3" or W/"3").</summary>
public static class Versions
{
    public static int? From(HttpRequest request, int? bodyVersion)
    {
        if (bodyVersion is not null) return bodyVersion;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return int.TryParse(header.Trim('"'), out var v) ? v : null;
    }

    public static IResult Missing() =>
        Error.Validation("request.version-required", "Ange vilken version du utgår från (fältet version eller If-Match).", "version").ToProblem();
}
