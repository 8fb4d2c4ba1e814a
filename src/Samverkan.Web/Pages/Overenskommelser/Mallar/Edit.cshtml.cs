using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Plans;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser.Mallar;

/// <summary>
/// The template editor: the agreement editor's fields and commands (<see cref="EditorCommands"/>) over a template,
/// whose commitments and signatories name the placeholder parties.
/// </summary>
[Authorize]
public sealed class TemplateEditModel(GetAgreementTemplate get, SaveAgreementTemplate save, ListPlans plans, ActorContext actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AgreementInput Input { get; set; } = new();
    [BindProperty] public Guid? PlanId { get; set; }

    public AgreementTemplateView Template { get; private set; } = null!;
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<PartyRef> Parties { get; private set; } = [];
    public string? StatusMessage { get; private set; }
    public StaleEdit? Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input = AgreementInput.From(TemplateDisplay.Content(Template));
        PlanId = Template.PlanId;
        Input.PadSignatures(Parties);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (EditorCommands.IsSave(command, Input)) return await SaveAsync(ct);
        StatusMessage = EditorCommands.Redraw(ModelState, Input, command, Parties);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        if (!Input.CheckForm(ModelState))
        {
            Input.PadSignatures(Parties);
            return Page();
        }
        var content = Input.ToContent(new AgreementContent { Kind = AgreementKinds.MunicipalAgreement });
        var result = await save.ExecuteAsync(new SaveAgreementTemplateCommand(Id, null, Input.BaseVersion, PlanId, content), ct);
        if (result.IsSuccess)
        {
            TempData["Notice"] = $"Mallen är sparad som version {result.Value.Version}.";
            return Redirect($"/overenskommelser/mallar/{Id}");
        }
        Input.PadSignatures(Parties);
        if (result.Error!.Code == "template.stale")
        {
            // Templates keep no old versions, so what the person is shown is how the saved text differs from theirs.
            var current = result.Error.Extensions?.GetValueOrDefault("currentVersion") is int n ? n : Template.Version;
            var differences = DiffAgreementVersions.Compare(Input.BaseVersion, current, content, TemplateDisplay.Content(Template));
            Stale = new StaleEdit(Input.BaseVersion, current, differences.Segments);
        }
        return this.Show(result.Error);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var template = await get.ExecuteAsync(Id, ct);
        if (!template.IsSuccess) return this.Show(template.Error!);
        Template = template.Value;
        if (!TemplateDisplay.CanEdit(actors.Current, Template.Region)) return StatusCode(StatusCodes.Status403Forbidden);
        Plans = (await plans.ExecuteAsync(Template.Region.Code, ct)).Match(p => p, _ => []);
        Parties = TemplateDisplay.Parties(Template.Region);
        return null;
    }
}
