using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Offentligt.Overenskommelser;

/// <summary>The signed version in force, for anyone; 404 while the agreement has never been signed.</summary>
public sealed class PublicAgreementModel(GetPublicAgreement get, GetPublicFollowUp followUp) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public AgreementContent Agreement { get; private set; } = null!;

    /// <summary>Only answers the region has accepted.</summary>
    public PublicFollowUp FollowUp { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await get.ExecuteAsync(Id, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Agreement = result.Value;
        FollowUp = (await followUp.ExecuteAsync(Id, ct)).Value;
        return Page();
    }
}
