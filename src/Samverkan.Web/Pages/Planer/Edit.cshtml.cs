using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

[Authorize]
public sealed class PlanEditModel(GetPlan get, UpdatePlan update, ActorContext actors) : PageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await get.ExecuteAsync(Id, ct);
        if (!plan.IsSuccess) return this.Show(plan.Error!);
        if (!plan.Value.CanBeEditedBy(actors.Current)) return StatusCode(StatusCodes.Status403Forbidden);
        var p = plan.Value;
        Input = new PlanInput
        {
            RegionCode = p.Region.Code, Title = p.Title, StartYear = p.StartYear, EndYear = p.EndYear, Reference = p.Reference,
            AdoptedOn = p.AdoptedOn, Status = p.Status, Summary = p.Summary, Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await update.ExecuteAsync(new UpdatePlanCommand(Id, Input.Version, Input.Title ?? "", Input.StartYear, Input.EndYear,
            Input.Reference, Input.AdoptedOn, Input.Status, Input.Summary), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        return Redirect($"/planer/{Id}");
    }
}
