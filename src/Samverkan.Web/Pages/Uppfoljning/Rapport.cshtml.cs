using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>
/// A municipality's (<c>/uppfoljning/rapport/2025/kommun/2062</c>) or the region's (<c>…/region/20</c>) follow-up report
/// for a year: the figures with their tables, the charts a script draws from those tables, and links to PDF and Word.
/// </summary>
[Authorize]
public sealed class FollowUpReportModel(GetFollowUpReport get) : PageModel
{
    public FollowUpReport Report { get; private set; } = null!;

    /// <summary>The report's API address; the documents are it with <c>?format=pdf</c> or <c>docx</c>.</summary>
    public string ApiPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int year, string kind, string code, CancellationToken ct)
    {
        if (kind is not ("kommun" or "region")) return NotFound();
        var result = kind == "region" ? await get.ForRegionAsync(code, year, ct) : await get.ForMunicipalityAsync(code, year, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Report = result.Value;
        ApiPath = $"/api/v1/follow-up-reports/{year}/{(kind == "region" ? "regions" : "municipalities")}/{Uri.EscapeDataString(code)}";
        return Page();
    }

    /// <summary>The page address of a report, for links from the round pages.</summary>
    public static string ReportUrl(int year, string scope, string code) =>
        $"/uppfoljning/rapport/{year}/{(scope == ReportScopes.Region ? "region" : "kommun")}/{Uri.EscapeDataString(code)}";
}

/// <summary>What <c>_ReportFigures</c> draws: a numbered chart of percentages and the table behind it.</summary>
public sealed record ReportFiguresView(int Number, string Caption, string What, IReadOnlyList<ReportFigure> Figures);
