using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.Dialogue;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Dialog;

/// <summary>What the create and edit pages share: loading the choices, row commands and showing a refusal on its field.</summary>
public abstract class MeetingFormPage(ListOrganizations organizations, GetDialogueLinkChoices choices) : PageModel
{
    [BindProperty] public MeetingInput Input { get; set; } = new();
    public string? StatusMessage { get; protected set; }
    public IReadOnlyList<OrganizationSummary> Offered { get; private set; } = [];
    public DialogueLinkChoices Choices { get; private set; } = new([], []);

    /// <summary>The region's own organizations a meeting can have taken part: the region, its municipalities and institutions.</summary>
    protected async Task LoadChoicesAsync(string regionCode, CancellationToken ct)
    {
        var all = await organizations.ExecuteAsync(null, regionCode, ct);
        Offered = all.IsSuccess
            ? all.Value.Where(o => o.Kind is "region" or "municipality" or "institution")
                .OrderBy(o => o.Kind switch { "region" => 0, "municipality" => 1, _ => 2 }).ToList()
            : [];
        var year = Input.Date?.Year ?? DateTime.UtcNow.Year;
        var linkable = await choices.ExecuteAsync(regionCode, Input.Kind == DialogueKinds.MunicipalDialogue ? Input.Municipality : null, year, ct);
        Choices = linkable.IsSuccess ? linkable.Value : new DialogueLinkChoices([], []);
    }

    protected async Task<string> RegionNameAsync(string regionCode, CancellationToken ct) =>
        (await organizations.ExecuteAsync("region", regionCode, ct)) is { IsSuccess: true } r && r.Value.Count > 0 ? r.Value[0].Name : $"Region {regionCode}";

    /// <summary>A row command: the form is drawn again from the changed input (indices shift), nothing is saved.</summary>
    protected void ApplyCommand(string command)
    {
        ModelState.Clear();
        StatusMessage = Input.Apply(command);
    }

    protected IActionResult Refused(Error error)
    {
        if (error.Kind is not (ErrorKind.Validation or ErrorKind.Conflict)) return this.Show(error);
        ModelState.AddModelError(error.Field is null ? "" : MeetingInput.FieldKey(error.Field), error.Message);
        return Page();
    }
}
