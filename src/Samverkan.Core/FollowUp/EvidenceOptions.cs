using Microsoft.Extensions.Configuration;

namespace Samverkan.FollowUp;

/// <summary>
/// Where evidence files are kept and what is accepted. Settings (environment variables use <c>__</c>):
/// <c>Samverkan:DataFolder</c> (default <c>data</c>, the folder of the default SQLite database),
/// <c>Evidence:Folder</c> (default <c>&lt;DataFolder&gt;/evidence</c>), <c>Evidence:MaxBytes</c> (default 10 MB)
/// and <c>Evidence:AllowedTypes</c> (a comma-separated subset of <see cref="EvidenceTypes.Known"/>).
/// </summary>
public sealed record EvidenceOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>An absolute path, outside the web root (the web host refuses to start otherwise).</summary>
    public required string Folder { get; init; }

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public IReadOnlyList<EvidenceType> AllowedTypes { get; init; } = EvidenceTypes.Known;

    public static EvidenceOptions From(IConfiguration configuration)
    {
        var dataFolder = configuration["Samverkan:DataFolder"];
        var folder = configuration["Evidence:Folder"];
        if (string.IsNullOrWhiteSpace(folder))
            folder = Path.Combine(string.IsNullOrWhiteSpace(dataFolder) ? "data" : dataFolder, "evidence");

        var maxBytes = configuration.GetValue<long?>("Evidence:MaxBytes") ?? DefaultMaxBytes;
        if (maxBytes <= 0) throw new InvalidOperationException($"Evidence:MaxBytes must be positive, not {maxBytes}.");

        var allowed = EvidenceTypes.Known;
        var section = configuration.GetSection("Evidence:AllowedTypes");
        var names = section.Value is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToArray();
        if (names.Length > 0)
        {
            // Only types whose content we know how to check may be allowed; anything else is a setup mistake.
            var unknown = names.Where(n => EvidenceTypes.Find(n) is null).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"Evidence:AllowedTypes names types Samverkan cannot check: {string.Join(", ", unknown)}. Known: {string.Join(", ", EvidenceTypes.Known.Select(t => t.Name))}.");
            allowed = names.Select(n => EvidenceTypes.Find(n)!).Distinct().ToList();
        }
        return new EvidenceOptions { Folder = Path.GetFullPath(folder), MaxBytes = maxBytes, AllowedTypes = allowed };
    }
}
