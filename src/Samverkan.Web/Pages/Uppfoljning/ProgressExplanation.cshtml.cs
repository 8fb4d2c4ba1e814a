using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>One rolled-up figure opened up: its calculation and every committing party's share behind it, with weights.</summary>
public sealed class ProgressExplanationModel(GetRoundProgress get) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid RoundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "grupp")] public string? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "nyckel")] public string? Key { get; set; }

    public RoundProgress Progress { get; private set; } = null!;
    public ProgressFigure Figure { get; private set; } = null!;
    public string GroupHeading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await get.ExecuteAsync(RoundId, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Progress = result.Value;
        if (ProgressModel.Find(Progress, Group, Key) is not { } figure) return NotFound();
        Figure = figure;
        GroupHeading = Group == "helhet" ? "Hela omgången" : ProgressModel.Groups.First(g => g.Slug == Group).Column;
        return Page();
    }
}
