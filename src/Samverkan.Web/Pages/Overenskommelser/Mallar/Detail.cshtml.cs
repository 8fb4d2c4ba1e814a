using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser.Mallar;

/// <summary>One template: its text as the drafts will read it, and the one action that drafts an agreement for every municipality.</summary>
[Authorize]
public sealed class TemplateDetailModel(
    GetAgreementTemplate get, CreateDraftsFromTemplate drafts, ListAgreements agreements, ListMunicipalities municipalities, ListPlans plans,
    ActorContext actors) : PageModel
{
    private const string RunKey = "DraftRun";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public AgreementTemplateView Template { get; private set; } = null!;
    public string? PlanTitle { get; private set; }
    public bool CanEdit { get; private set; }
    public int MunicipalityCount { get; private set; }

    /// <summary>What the last "create drafts" did, shown once after it (post, redirect, get).</summary>
    public DraftRun? Run { get; private set; }

    public sealed record DraftRun(IReadOnlyList<(Guid Id, string Name)> Created, IReadOnlyList<string> Skipped);

    private sealed record StoredRun(IReadOnlyList<Guid> Created, IReadOnlyList<string> Skipped);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (TempData[RunKey] is string stored && JsonSerializer.Deserialize<StoredRun>(stored) is { } run)
            Run = await DescribeAsync(run, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftsAsync(CancellationToken ct)
    {
        var result = await drafts.ExecuteAsync(Id, ct);
        if (!result.IsSuccess)
        {
            if (await LoadAsync(ct) is { } stop) return stop;
            return this.Show(result.Error!, prefix: "");
        }
        var (created, skipped) = (result.Value.Created, result.Value.Skipped);
        TempData[RunKey] = JsonSerializer.Serialize(new StoredRun(created, skipped));
        TempData["Notice"] = created.Count == 0
            ? $"Inga nya utkast: alla {skipped.Count} kommuner har redan ett utkast från mallen."
            : $"{AgreementDisplay.Count(created.Count, "utkast är skapat", "utkast är skapade")}."
              + (skipped.Count == 0 ? "" : $" {AgreementDisplay.Count(skipped.Count, "kommun hade", "kommuner hade")} redan ett utkast från mallen.");
        return Redirect($"/overenskommelser/mallar/{Id}#resultat");
    }

    private async Task<DraftRun> DescribeAsync(StoredRun run, CancellationToken ct)
    {
        // The drafts are ordinary agreements of the period: the list names each by its municipality.
        var listed = (await agreements.ExecuteAsync(Template.Region.Code, Template.Period.From.Year, null, ct)).Match(a => a, _ => []);
        var byId = listed.ToDictionary(a => a.Id);
        string NameOf(Guid id) => byId.TryGetValue(id, out var a)
            ? a.Parties.FirstOrDefault(p => p.Code != Template.Region.Code)?.Name ?? a.Title
            : id.ToString();
        var names = (await municipalities.ExecuteAsync(actors.Current.CountyCode, ct)).Match(m => m, _ => [])
            .ToDictionary(m => m.Code, m => m.OfficialName ?? m.Name);
        return new DraftRun(run.Created.Select(id => (id, NameOf(id))).ToList(), run.Skipped.Select(c => names.GetValueOrDefault(c, c)).ToList());
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var template = await get.ExecuteAsync(Id, ct);
        if (!template.IsSuccess) return this.Show(template.Error!);
        Template = template.Value;
        var actor = actors.Current;
        CanEdit = TemplateDisplay.CanEdit(actor, Template.Region);
        PlanTitle = Template.PlanId is { } planId
            ? (await plans.ExecuteAsync(Template.Region.Code, ct)).Match(p => p, _ => []).FirstOrDefault(p => p.Id == planId)?.Title
            : null;
        MunicipalityCount = (await municipalities.ExecuteAsync(actor.CountyCode, ct)).Match(m => m.Count, _ => 0);
        return null;
    }
}
