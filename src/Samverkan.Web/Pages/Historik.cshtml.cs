using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Audit;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages;

[Authorize]
public sealed class HistoryModel(GetHistory history) : PageModel
{
    public IReadOnlyList<AuditView> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, string id, CancellationToken ct)
    {
        var result = await history.ExecuteAsync(type, id, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Entries = result.Value;
        return Page();
    }
}
