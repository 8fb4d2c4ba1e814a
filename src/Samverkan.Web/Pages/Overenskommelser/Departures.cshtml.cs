using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>An agreement drafted from a template beside the template, section by section with word diffs.</summary>
public sealed class AgreementDeparturesModel(GetTemplateDepartures departures, GetAgreement get, GetAgreementActions actions) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public TemplateDepartures Departures { get; private set; } = null!;
    public AgreementContent Agreement { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await departures.ExecuteAsync(Id, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        var content = await get.ExecuteAsync(Id, null, ct);
        if (!content.IsSuccess) return this.Show(content.Error!);
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        Departures = result.Value;
        Agreement = content.Value;
        Actions = can.Value;
        return Page();
    }
}
