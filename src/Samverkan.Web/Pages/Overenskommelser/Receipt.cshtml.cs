using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>The signing receipt. Public for signed agreements (without IP addresses and browsers), like the API.</summary>
public sealed class AgreementReceiptModel(GetSigningReceipt receipt, GetAgreementActions actions) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public SigningReceipt Receipt { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await receipt.ExecuteAsync(Id, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        Receipt = result.Value;
        Actions = can.Value;
        return Page();
    }
}
