using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Kommuner;

public sealed class MunicipalGoalInput
{
    public int StartYear { get; set; } = DateTime.UtcNow.Year;
    public int EndYear { get; set; } = DateTime.UtcNow.Year + 3;
    public int Number { get; set; } = 1;
    public string? Text { get; set; }
    public string CancelUrl { get; set; } = "/";
}

[Authorize]
public sealed class MunicipalGoalCreateModel(AddMunicipalGoal add) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public MunicipalGoalInput Input { get; set; } = new();

    public void OnGet() => Input.CancelUrl = $"/kommuner/{Code}";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.CancelUrl = $"/kommuner/{Code}";
        if (!ModelState.IsValid) return Page();
        var result = await add.ExecuteAsync(new AddMunicipalGoalCommand(Code, Input.StartYear, Input.EndYear, Input.Number, Input.Text ?? ""), ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        return Redirect($"/kommuner/{Code}");
    }
}
