using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

[Authorize]
public sealed class GoalEditModel(GetPlan get, UpdateGoal update, RemoveGoal remove, ActorContext actors) : PageModel
{
    [BindProperty] public GoalInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid GoalId { get; set; }
    public PlanDetail Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var goal = Plan.Goals.Flatten().Select(x => x.Goal).First(g => g.Id == GoalId);
        Input = new GoalInput
        {
            Title = goal.Title, Description = goal.Description, ParentId = goal.ParentId, DevelopmentAreaId = goal.DevelopmentAreaId,
            Indicators = goal.Indicators.Select(i => new IndicatorRow
            {
                Name = i.Name, Unit = i.Unit, Baseline = i.Baseline, BaselineYear = i.BaselineYear, Target = i.Target, TargetYear = i.TargetYear,
            }).ToList(),
        };
        Input.PadIndicators();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input.PadIndicators();
        if (!ModelState.IsValid) return Page();
        var result = await update.ExecuteAsync(new UpdateGoalCommand(GoalId, Input.Title ?? "", Input.Description, Input.ParentId,
            Input.DevelopmentAreaId, Input.ToIndicators()), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        return Redirect($"/planer/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var result = await remove.ExecuteAsync(GoalId, ct);
        if (!result.IsSuccess)
        {
            Input.PadIndicators();
            return this.Show(result.Error!);
        }
        return Redirect($"/planer/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var plan = await get.ExecuteAsync(Id, ct);
        if (!plan.IsSuccess) return this.Show(plan.Error!);
        if (!plan.Value.CanBeEditedBy(actors.Current)) return StatusCode(StatusCodes.Status403Forbidden);
        if (plan.Value.Goals.Flatten().All(x => x.Goal.Id != GoalId)) return NotFound();
        Plan = plan.Value;
        return null;
    }
}
