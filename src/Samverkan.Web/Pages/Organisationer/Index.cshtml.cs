using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Organisationer;

public sealed class OrganizationListModel(ListOrganizations list, ListRegions regions) : PageModel
{
    public static readonly (string Value, string Label)[] Kinds =
    [
        ("institution", "Regionala kulturinstitutioner"), ("organizer", "Arrangörer"), ("municipality", "Kommuner"),
        ("region", "Regioner"), ("state-body", "Statliga myndigheter"),
    ];

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "institution";
    [BindProperty(SupportsGet = true)] public string? Region { get; set; } = "20";
    public IReadOnlyList<OrganizationSummary> Items { get; private set; } = [];
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await regions.ExecuteAsync(ct);
        var result = await list.ExecuteAsync(Kind, string.IsNullOrEmpty(Region) ? null : Region, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Items = result.Value;
        return Page();
    }
}
