using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>A commitment's follow-up across rounds: every change of every party's entry and every submission and review.</summary>
[Authorize]
public sealed class CommitmentTimelineModel(GetCommitmentTimeline get) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CommitmentId { get; set; }
    [BindProperty(SupportsGet = true, Name = "overenskommelse")] public Guid? AgreementId { get; set; }

    public CommitmentTimeline Timeline { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await get.ExecuteAsync(CommitmentId, AgreementId, ct);
        if (!result.IsSuccess) return result.Error!.Kind == Common.ErrorKind.Validation ? BadRequest() : this.Show(result.Error!);
        Timeline = result.Value;
        return Page();
    }

    public static string KindName(string kind) => kind switch
    {
        RevisionKinds.Created => "Svaret skapades",
        RevisionKinds.Updated => "Svaret ändrades",
        RevisionKinds.EvidenceAdded => "Underlag lades till",
        RevisionKinds.EvidenceRemoved => "Underlag togs bort",
        SubmissionStatuses.Submitted => "Uppföljningen skickades in",
        SubmissionStatuses.Returned => "Regionen skickade tillbaka uppföljningen",
        SubmissionStatuses.Accepted => "Regionen godkände uppföljningen",
        _ => kind,
    };
}
