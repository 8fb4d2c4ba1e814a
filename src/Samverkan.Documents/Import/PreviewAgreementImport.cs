using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Documents.Import;

/// <summary>
/// Reads an agreement document (.txt, .pdf, .docx) into a structured draft for review. Saves nothing:
/// the person checks the result against the source text and then confirms it.
/// </summary>
public sealed class PreviewAgreementImport(
    ActorContext actors, ImportAgreementDocument importer, DatabaseOrganizationDirectory directory, SamverkanMetrics metrics) : IUseCase
{
    public async Task<Result<ImportResult>> ExecuteAsync(byte[] content, string fileName, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        if (!actor.IsOperator && !actor.Writes) return Error.Forbidden("Bara handläggare kan läsa in överenskommelser.");
        var known = await directory.LoadAsync(ct);
        var extension = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        var type = extension is "txt" or "pdf" or "docx" ? extension : "other";
        using var span = SamverkanTracing.Source.StartActivity("import agreement document");
        span?.SetTag("document.type", type);
        span?.SetTag("document.size", content.Length);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Parsing is CPU-bound and guarded by its own time budget; run it off the request thread.
        var result = await Task.Run(() => importer.Import(content, fileName ?? "", known), ct);
        var outcome = result.IsSuccess ? "ok" : result.Error!.Code;
        span?.SetTag("import.outcome", outcome);
        metrics.DocumentImported(type, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return result.IsSuccess ? OnlyPartiesCommit(result.Value) : result;
    }

    /// <summary>
    /// A commitment is made by the agreement's parties. An institution named beside a party (e.g. the
    /// regional library) is recorded as involved, not as a party; a sentence with no party left is kept as
    /// text only, with a warning.
    /// </summary>
    internal static ImportResult OnlyPartiesCommit(ImportResult result)
    {
        var parties = result.Agreement.Parties.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var warnings = result.Warnings.ToList();
        Agreements.Section Fix(Agreements.Section s) => s with
        {
            Items = s.Items.Select(i => i with
            {
                Commitments = i.Commitments.Select(c =>
                {
                    var others = c.Parties.Where(p => !parties.Contains(p)).ToList();
                    if (others.Count == 0) return c;
                    var kept = c.Parties.Where(parties.Contains).ToList();
                    if (kept.Count == 0)
                        warnings.Add($"Meningen \"{Short(c.Text)}\" nämner ingen av parterna som ansvarig och lades inte in som åtagande.");
                    return c with { Parties = kept, Institutions = c.Institutions.Concat(others).Distinct().ToList() };
                }).Where(c => c.Parties.Count > 0).ToList(),
            }).ToList(),
            Sections = s.Sections.Select(Fix).ToList(),
        };
        return result with { Agreement = result.Agreement with { Sections = result.Agreement.Sections.Select(Fix).ToList() }, Warnings = warnings };
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
