using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Kommuner;

public sealed class MunicipalityModel(GetOrganization organizations, ListMunicipalGoals goals, ActorContext actors) : PageModel
{
    public OrganizationDetail Municipality { get; private set; } = null!;
    public IReadOnlyList<MunicipalGoalView> Goals { get; private set; } = [];
    public string RegionName { get; private set; } = "";
    public bool CanEdit => actors.Current.ActsFor(Municipality.Id);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var result = await organizations.ExecuteAsync(code, ct);
        if (!result.IsSuccess || result.Value.Kind != "municipality") return NotFound();
        Municipality = result.Value;
        Goals = (await goals.ExecuteAsync(code, null, ct)).Value;
        RegionName = (await organizations.ExecuteAsync(Municipality.CountyCode ?? "", ct)).Match(r => r.Name, _ => Municipality.CountyCode ?? "");
        return Page();
    }
}
