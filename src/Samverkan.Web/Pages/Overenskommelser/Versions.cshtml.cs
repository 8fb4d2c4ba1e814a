using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

public sealed class AgreementVersionsModel(ListAgreementVersions versions, GetAgreement get, GetAgreementActions actions) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public AgreementContent Agreement { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await versions.ExecuteAsync(Id, ct);
        if (!list.IsSuccess) return this.Show(list.Error!);
        var content = await get.ExecuteAsync(Id, null, ct);
        if (!content.IsSuccess) return this.Show(content.Error!);
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        Versions = list.Value;
        Agreement = content.Value;
        Actions = can.Value;
        return Page();
    }
}
