using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser.Mallar;

/// <summary>The templates of the signed-in person's region, grouped by plan period, newest first.</summary>
[Authorize]
public sealed class TemplateListModel(ListAgreementTemplates list, ListPlans plans, GetOrganization organizations, ActorContext actors) : PageModel
{
    public IReadOnlyList<IGrouping<string, AgreementTemplateSummary>> Periods { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> PlanTitles { get; private set; } = new Dictionary<Guid, string>();
    public string RegionName { get; private set; } = "regionen";
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = actors.Current;
        // A person reads the templates of their own county's region only, so there is no region to choose.
        var result = await list.ExecuteAsync(actor.CountyCode, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Periods = result.Value.GroupBy(t => AgreementDisplay.Period(t.Period)).ToList();
        PlanTitles = (await plans.ExecuteAsync(actor.CountyCode, ct)).Match(p => p, _ => []).ToDictionary(p => p.Id, p => p.Title);
        RegionName = (await organizations.ExecuteAsync(actor.CountyCode!, ct)).Match(r => r.OfficialName ?? r.Name, _ => RegionName);
        CanCreate = actor.IsRegionStaff;
        return Page();
    }
}
