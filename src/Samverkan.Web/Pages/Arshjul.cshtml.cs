using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;
using Samverkan.YearlyCycle;

namespace Samverkan.Web.Pages;

/// <summary>The yearly cycle (årshjul): the year's milestones month by month, as an ordered list.</summary>
public sealed class ArshjulModel(GetYearlyCycle get, ListRegions regions, ActorContext actors, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public YearlyCycleView Cycle { get; private set; } = null!;
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public bool SignedIn => actors.Current.IsAuthenticated;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Region = HomeRegion.Pick(Region, actors.Current, configuration);
        Year ??= clock.GetUtcNow().Year;
        Regions = await regions.ExecuteAsync(ct);
        var result = await get.ExecuteAsync(Region, Year, ct);
        if (result.Error is { Kind: ErrorKind.Validation, Field: "year" } badYear)
        {
            // An impossible year in the address: say so, and show this year's cycle rather than nothing.
            ModelState.AddModelError("year", badYear.Message);
            Year = clock.GetUtcNow().Year;
            result = await get.ExecuteAsync(Region, Year, ct);
        }
        if (!result.IsSuccess) return this.Show(result.Error!);
        Cycle = result.Value;
        return Page();
    }
}
