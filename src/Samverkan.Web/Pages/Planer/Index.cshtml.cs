using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

public sealed class PlanListModel(ListPlans plans, ListRegions regions, ActorContext actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public bool CanCreate => actors.Current.IsRegionStaff;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await regions.ExecuteAsync(ct);
        var result = await plans.ExecuteAsync(string.IsNullOrEmpty(Region) ? null : Region, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Plans = result.Value;
        return Page();
    }
}
