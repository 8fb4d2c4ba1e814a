using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

[Authorize]
public sealed class PlanCreateModel(CreatePlan create, ActorContext actors) : PageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    public string RegionName => actors.Current.OrganizationCode is { } code ? $"regionen med kod {code}" : "din region";

    public void OnGet() => Input.RegionCode = actors.Current.CountyCode;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await create.ExecuteAsync(new CreatePlanCommand(actors.Current.OrganizationCode ?? "", Input.Title ?? "", Input.StartYear,
            Input.EndYear, Input.Reference, Input.AdoptedOn, Input.Status, Input.Summary), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        return Redirect($"/planer/{result.Value}");
    }
}
