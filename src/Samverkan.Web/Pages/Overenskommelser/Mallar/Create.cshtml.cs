using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser.Mallar;

/// <summary>Starts a template with the plan, title and period; the text is written in the template editor, as for an agreement.</summary>
[Authorize]
public sealed class TemplateCreateModel(SaveAgreementTemplate save, ListPlans plans, ActorContext actors, TimeProvider clock) : PageModel
{
    [BindProperty] public NewAgreementInput Input { get; set; } = new();
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input.PlanId = NewAgreementInput.PlanInForce(Plans, clock)?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        SwedishBindingErrors.Apply(ModelState);
        if (!ModelState.IsValid) return Page();
        var plan = Plans.FirstOrDefault(p => p.Id == Input.PlanId);
        if (Input.Period(plan, ModelState) is not var (from, to)) return Page();
        var actor = actors.Current;
        var content = new AgreementContent
        {
            Kind = AgreementKinds.MunicipalAgreement,
            Title = string.IsNullOrWhiteSpace(Input.Title) ? AgreementTemplates.DefaultTitle : Input.Title,
            Reference = string.IsNullOrWhiteSpace(Input.Reference) ? plan?.Reference : Input.Reference,
            Period = new Period(new DateOnly(from, 1, 1), new DateOnly(to, 12, 31)),
            CaseOfficer = new CaseOfficer(actor.Name),
            Sections = NewAgreementInput.StandardSections,
        };
        var result = await save.ExecuteAsync(new SaveAgreementTemplateCommand(null, actor.OrganizationCode, null, Input.PlanId, content), ct);
        if (!result.IsSuccess) return this.Show(result.Error!.Field == "period" ? result.Error with { Field = "fromYear" } : result.Error);
        TempData["Notice"] = "Mallen är skapad. Skriv texten och spara.";
        return Redirect($"/overenskommelser/mallar/{result.Value.Id}/redigera");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = actors.Current;
        // Templates are the region's working papers; the municipalities read them but do not write them.
        if (!actor.IsRegionStaff) return StatusCode(StatusCodes.Status403Forbidden);
        Plans = (await plans.ExecuteAsync(actor.OrganizationCode, ct)).Match(p => p, _ => []);
        return null;
    }
}
