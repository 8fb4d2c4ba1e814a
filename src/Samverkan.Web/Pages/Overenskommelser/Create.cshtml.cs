using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

[Authorize]
public sealed class AgreementCreateModel(CreateAgreement create, ListMunicipalities municipalities, ListPlans plans, GetOrganization organizations, ActorContext actors, TimeProvider clock) : PageModel
{
    [BindProperty] public NewAgreementInput Input { get; set; } = new();
    public IReadOnlyList<MunicipalityView> Municipalities { get; private set; } = [];
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public string RegionName { get; private set; } = "regionen";

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
        var municipality = Municipalities.FirstOrDefault(m => m.Code == Input.MunicipalityCode);
        if (municipality is null)
        {
            ModelState.AddModelError("Input.MunicipalityCode", "Välj vilken kommun överenskommelsen gäller.");
            return Page();
        }
        var plan = Plans.FirstOrDefault(p => p.Id == Input.PlanId);
        if (Input.Period(plan, ModelState) is not var (from, to)) return Page();
        var actor = actors.Current;
        var title = string.IsNullOrWhiteSpace(Input.Title)
            ? $"Överenskommelse mellan {municipality.OfficialName ?? municipality.Name} och {RegionName} för åren {from}–{to}"
            : Input.Title;
        var content = new AgreementContent
        {
            Kind = AgreementKinds.MunicipalAgreement,
            Title = title,
            Reference = string.IsNullOrWhiteSpace(Input.Reference) ? plan?.Reference : Input.Reference,
            Period = new Period(new DateOnly(from, 1, 1), new DateOnly(to, 12, 31)),
            CaseOfficer = new CaseOfficer(actor.Name),
            Sections = NewAgreementInput.StandardSections,
        };
        var result = await create.ExecuteAsync(new CreateAgreementCommand(content, [actor.OrganizationCode ?? "", municipality.Code], plan?.Id), ct);
        if (!result.IsSuccess)
        {
            var field = result.Error!.Field switch
            {
                "parties" => "municipalityCode",
                "period" => "fromYear",
                _ => result.Error.Field,
            };
            return this.Show(result.Error with { Field = field });
        }
        TempData["Notice"] = "Utkastet är skapat. Skriv texten och spara.";
        return Redirect($"/overenskommelser/{result.Value.Id}/redigera");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = actors.Current;
        // Municipal agreements are started by the region's staff (the municipality takes part from the draft on).
        if (!actor.IsRegionStaff || actor.CountyCode is null) return StatusCode(StatusCodes.Status403Forbidden);
        Municipalities = (await municipalities.ExecuteAsync(actor.CountyCode, ct)).Match(m => m, _ => []);
        Plans = (await plans.ExecuteAsync(actor.OrganizationCode, ct)).Match(p => p, _ => []);
        RegionName = (await organizations.ExecuteAsync(actor.OrganizationCode ?? "", ct)).Match(r => r.OfficialName ?? r.Name, _ => "regionen");
        return null;
    }
}
