using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>The negotiation workspace: the latest text with the comments and proposals on each part.</summary>
[Authorize]
public sealed class AgreementNegotiationModel(
    GetAgreement get, GetAgreementActions actions, GetNegotiation negotiation,
    CommentOnAgreement comment, ProposeChange propose, AnswerProposal answer, ApproveAgreement approve) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The part chosen with a "Kommentera" link; preselects both forms and fills in its wording.</summary>
    [BindProperty(SupportsGet = true, Name = "del")] public string? Part { get; set; }

    [BindProperty] public CommentInput Comment { get; set; } = new();
    [BindProperty] public ProposalInput Proposal { get; set; } = new();

    public AgreementContent Agreement { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;
    public NegotiationView Negotiation { get; private set; } = null!;
    public IReadOnlyList<AgreementPart> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var chosen = Parts.FirstOrDefault(p => p.Path == Part);
        Comment.Target = chosen?.Path ?? "";
        Proposal.Target = chosen?.Path;
        Proposal.ProposedText = chosen?.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        var result = await comment.ExecuteAsync(new CommentCommand(Id, Comment.Target, Comment.Text ?? ""), ct);
        if (!result.IsSuccess) return await FailAsync(result.Error!, "Comment", ct);
        return Done("Kommentaren är skickad. Motparten har fått besked.", Comment.Target);
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Proposal.Target))
        {
            ModelState.AddModelError("Proposal.Target", "Välj vilken del förslaget gäller.");
            return await LoadAsync(ct) ?? Page();
        }
        var result = await propose.ExecuteAsync(new ProposeChangeCommand(Id, Proposal.Target, Proposal.ProposedText ?? "", Proposal.Reason), ct);
        if (!result.IsSuccess) return await FailAsync(result.Error!, "Proposal", ct);
        return Done("Förslaget är skickat. Motparten kan godta eller avslå det.", Proposal.Target);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid proposalId, bool accept, CancellationToken ct)
    {
        var result = await answer.ExecuteAsync(Id, proposalId, accept, ct);
        if (!result.IsSuccess) return await FailAsync(result.Error!, "", ct);
        return Done(accept
            ? $"Förslaget är godtaget och har blivit version {result.Value.ResultVersion}."
            : "Förslaget är avslaget.", result.Value.Target);
    }

    public async Task<IActionResult> OnPostApproveAsync(int version, CancellationToken ct)
    {
        var result = await approve.ExecuteAsync(Id, version, AgreementDetailModel.RequestInfoOf(HttpContext), ct);
        if (!result.IsSuccess) return await FailAsync(result.Error!, "", ct);
        TempData["Notice"] = result.Value.Status == AgreementStatuses.Agreed
            ? $"Version {version} är godkänd av alla parter och kan nu skrivas under."
            : $"Version {version} är godkänd för din part. Motparten har fått besked.";
        return Redirect($"/overenskommelser/{Id}/forhandling");
    }

    private RedirectResult Done(string notice, string? target)
    {
        TempData["Notice"] = notice;
        return Redirect($"/overenskommelser/{Id}/forhandling#{AgreementDisplay.Anchor(target ?? "")}");
    }

    private async Task<IActionResult> FailAsync(Error error, string prefix, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        return this.Show(error, prefix);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        if (!can.Value.SeesWork) return NotFound();
        var content = await get.ExecuteAsync(Id, null, ct);
        if (!content.IsSuccess) return this.Show(content.Error!);
        var view = await negotiation.ExecuteAsync(Id, ct);
        if (!view.IsSuccess) return this.Show(view.Error!);
        Actions = can.Value;
        Agreement = content.Value;
        Negotiation = view.Value;
        Parts = AgreementDisplay.Parts(Agreement);
        return null;
    }

    public bool IsOtherSide(string party) => Actions.ActingPartyCode is null || party != Actions.ActingPartyCode;

    public string LabelOf(string path) => path.Length == 0 ? "Hela överenskommelsen" : Parts.FirstOrDefault(p => p.Path == path)?.Label ?? $"En del som inte längre finns ({path})";

    public sealed class CommentInput
    {
        public string? Target { get; set; }
        public string? Text { get; set; }
    }

    public sealed class ProposalInput
    {
        public string? Target { get; set; }
        public string? ProposedText { get; set; }
        public string? Reason { get; set; }
    }
}
