using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Dialogue;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Dialog;

/// <summary>A region's dialogue meetings of a year.</summary>
public sealed class DialogueListModel(ListDialogueMeetings list, ListRegions regions, ActorContext actors, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<DialogueMeetingSummary> Meetings { get; private set; } = [];
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public string RegionName { get; private set; } = "";
    public bool CanCreate => actors.Current.IsRegionStaff && actors.Current.CountyCode == Region
                             || actors.Current.Role == Roles.MunicipalityOfficer && actors.Current.CountyCode == Region;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Region = HomeRegion.Pick(Region, actors.Current, configuration);
        Year ??= clock.GetUtcNow().Year;
        Regions = await regions.ExecuteAsync(ct);
        RegionName = Regions.FirstOrDefault(r => r.Code == Region)?.Name ?? Region;
        var result = await list.ExecuteAsync(Region, Year, null, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Meetings = result.Value;
        return Page();
    }
}
