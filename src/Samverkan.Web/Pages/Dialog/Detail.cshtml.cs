using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Dialogue;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Dialog;

/// <summary>A meeting's minutes, an earlier revision of them (<c>?revision=n</c>), and the approval.</summary>
public sealed class DialogueDetailModel(GetDialogueMeeting get, ApproveDialogueMeeting approve) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Revision { get; set; }
    public DialogueMeetingView Meeting { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await get.ExecuteAsync(Id, Revision, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Meeting = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int version, CancellationToken ct)
    {
        var result = await approve.ExecuteAsync(Id, version, ct);
        if (result.IsSuccess)
        {
            TempData["Notice"] = "Protokollet är justerat. Det är nu en allmän handling, och ändringar sparas som nya revisioner.";
            return Redirect($"/dialog/{Id}");
        }
        if (result.Error!.Kind is not (Common.ErrorKind.Conflict or Common.ErrorKind.Validation)) return this.Show(result.Error);
        Problem = result.Error.Message;
        Revision = null;
        return await OnGetAsync(ct);
    }
}
