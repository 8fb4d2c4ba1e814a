using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

public sealed record GoalTreeModel(Guid PlanId, IReadOnlyList<GoalView> Goals, bool CanEdit);

public sealed class PlanDetailModel(GetPlan plans, ActorContext actors) : PageModel
{
    public PlanDetail Plan { get; private set; } = null!;
    public bool CanEdit => Plan.CanBeEditedBy(actors.Current);
    public bool SignedIn => actors.Current.IsAuthenticated;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await plans.ExecuteAsync(id, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Plan = result.Value;
        return Page();
    }
}
