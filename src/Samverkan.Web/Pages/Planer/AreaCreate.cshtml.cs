using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Planer;

[Authorize]
public sealed class AreaCreateModel(AddDevelopmentArea add) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await add.ExecuteAsync(new AddDevelopmentAreaCommand(Id, Title ?? "", Description), ct);
        if (!result.IsSuccess) return this.Show(result.Error!, prefix: "");
        return Redirect($"/planer/{Id}");
    }
}
