using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Kommuner;

[Authorize]
public sealed class MunicipalGoalEditModel(FindMunicipalGoal find, UpdateMunicipalGoal update) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MunicipalGoalInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var goal = await find.ExecuteAsync(Id, ct);
        if (!goal.IsSuccess) return this.Show(goal.Error!);
        var g = goal.Value;
        Input = new MunicipalGoalInput { StartYear = g.StartYear, EndYear = g.EndYear, Number = g.Number, Text = g.Text, CancelUrl = $"/kommuner/{g.MunicipalityCode}" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var goal = await find.ExecuteAsync(Id, ct);
        if (!goal.IsSuccess) return this.Show(goal.Error!);
        Input.CancelUrl = $"/kommuner/{goal.Value.MunicipalityCode}";
        if (!ModelState.IsValid) return Page();
        var result = await update.ExecuteAsync(new UpdateMunicipalGoalCommand(Id, Input.StartYear, Input.EndYear, Input.Number, Input.Text ?? ""), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        return Redirect(Input.CancelUrl);
    }
}
