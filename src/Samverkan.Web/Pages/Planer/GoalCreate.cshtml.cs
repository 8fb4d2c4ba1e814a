using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

[Authorize]
public sealed class GoalCreateModel(GetPlan get, AddGoal add, ActorContext actors) : PageModel
{
    [BindProperty] public GoalInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Parent { get; set; }
    public PlanDetail Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input.ParentId = Parent;
        Input.PadIndicators();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input.PadIndicators();
        if (!ModelState.IsValid) return Page();
        var result = await add.ExecuteAsync(new AddGoalCommand(Id, Input.Title ?? "", Input.Description, Input.ParentId,
            Input.DevelopmentAreaId, Input.ToIndicators()), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        return Redirect($"/planer/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var plan = await get.ExecuteAsync(Id, ct);
        if (!plan.IsSuccess) return this.Show(plan.Error!);
        if (!plan.Value.CanBeEditedBy(actors.Current)) return StatusCode(StatusCodes.Status403Forbidden);
        Plan = plan.Value;
        return null;
    }
}
