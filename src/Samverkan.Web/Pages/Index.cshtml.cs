using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages;

public sealed class IndexModel(GetRegionOverview overview, IConfiguration configuration) : PageModel
{
    public RegionOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // One region per installation for now; which one is configuration (Dalarna in the demo).
        var region = HomeRegion.Of(configuration);
        var result = await overview.ExecuteAsync(region, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Overview = result.Value;
        return Page();
    }
}
