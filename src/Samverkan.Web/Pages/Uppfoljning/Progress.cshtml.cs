using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>
/// A round's progress, rolled up per municipality, agreement, collaboration area, development area and plan goal. Every
/// figure shows its calculation and links to the commitments behind it. Public when the plan is (only accepted answers go in).
/// </summary>
public sealed class ProgressModel(GetRoundProgress get) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid RoundId { get; set; }

    public RoundProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await get.ExecuteAsync(RoundId, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Progress = result.Value;
        return Page();
    }

    /// <summary>The groupings in the order the page shows them; the slug is the explanation page's <c>grupp</c>.</summary>
    public static IReadOnlyList<(string Slug, string Heading, string Column, Func<RoundProgress, IReadOnlyList<ProgressFigure>> Figures)> Groups { get; } =
    [
        ("kommun", "Per kommun", "Kommun", p => p.Municipalities),
        ("overenskommelse", "Per överenskommelse", "Överenskommelse", p => p.Agreements),
        ("omrade", "Per samverkansområde", "Samverkansområde", p => p.Areas),
        ("utvecklingsomrade", "Per utvecklingsområde i kulturplanen", "Utvecklingsområde", p => p.DevelopmentAreas),
        ("mal", "Per mål i kulturplanen", "Mål", p => p.Goals),
    ];

    /// <summary>The figure a slug and key name, or null; "helhet" is the whole round.</summary>
    public static ProgressFigure? Find(RoundProgress progress, string? group, string? key) =>
        group == "helhet" ? progress.Total : Groups.FirstOrDefault(g => g.Slug == group).Figures?.Invoke(progress).FirstOrDefault(f => f.Key == key);

    public static string ExplanationLink(Guid roundId, string group, string key) =>
        $"/uppfoljning/{roundId}/framsteg/forklaring?grupp={Uri.EscapeDataString(group)}&nyckel={Uri.EscapeDataString(key)}";
}
