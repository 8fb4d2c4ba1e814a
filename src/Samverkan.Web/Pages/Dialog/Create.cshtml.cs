using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Samverkan.Common;
using Samverkan.Dialogue;
using Samverkan.Organizations;
using Samverkan.Web.Pages.Overenskommelser;

namespace Samverkan.Web.Pages.Dialog;

/// <summary>
/// New minutes in two steps: first which kind of meeting (and with which municipality), as a plain GET form, then the
/// whole form with the commitments and goals that kind of meeting may link to.
/// </summary>
[Authorize]
public sealed class DialogueCreateModel(
    CreateDialogueMeeting create, ActorContext actors, ListOrganizations organizations, GetDialogueLinkChoices choices, ListMunicipalities municipalities)
    : MeetingFormPage(organizations, choices)
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "slag")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "kommun")] public string? Municipality { get; set; }

    public bool Choosing { get; private set; }
    public string RegionName { get; private set; } = "";
    public string? MunicipalityName { get; private set; }
    public IReadOnlyList<MunicipalityView> Municipalities { get; private set; } = [];
    public bool IsRegionStaff => actors.Current.IsRegionStaff;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } stop) return stop;
        if (Choosing) return Page();
        Input = new MeetingInput { Kind = Kind!, Municipality = Municipality, Date = DateOnly.FromDateTime(DateTime.UtcNow) };
        Input.Pad();
        await LoadChoicesAsync(Region!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        Kind = Input.Kind;
        Municipality = Input.Municipality;
        if (await PrepareAsync(ct) is { } stop) return stop;
        // A posted form is always answered with the form: a kind or municipality that is not right is the use case's to name.
        Choosing = false;
        if (command is not null and not "save")
        {
            ApplyCommand(command);
            await LoadChoicesAsync(Region!, ct);
            return Page();
        }
        SwedishBindingErrors.Apply(ModelState);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(Region!, ct);
            return Page();
        }
        var result = await create.ExecuteAsync(new CreateDialogueMeetingCommand(Region, Input.ToInput()), ct);
        if (result.IsSuccess)
        {
            TempData["Notice"] = "Protokollet är sparat som utkast. Justera det när parterna har läst det.";
            return Redirect($"/dialog/{result.Value.Id}");
        }
        await LoadChoicesAsync(Region!, ct);
        return Refused(result.Error!);
    }

    /// <summary>Works out region, kind and municipality from the address and the signed-in account; null when the form can be shown.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        var actor = actors.Current;
        Region = string.IsNullOrWhiteSpace(Region) ? actor.CountyCode : Region.Trim();
        if (Region is null) return StatusCode(StatusCodes.Status403Forbidden);
        var list = await municipalities.ExecuteAsync(Region, ct);
        if (!list.IsSuccess) return NotFound();
        Municipalities = list.Value;
        RegionName = await RegionNameAsync(Region, ct);
        // A municipality's officer writes only the dialogue of their own municipality.
        if (actor.Role == Roles.MunicipalityOfficer)
        {
            Kind = DialogueKinds.MunicipalDialogue;
            Municipality = actor.OrganizationCode;
        }
        Choosing = Kind is not (DialogueKinds.MunicipalDialogue or DialogueKinds.RegionalForum)
                   || (Kind == DialogueKinds.MunicipalDialogue && Municipalities.All(m => m.Code != Municipality));
        if (Kind == DialogueKinds.RegionalForum) Municipality = null;
        MunicipalityName = Municipalities.FirstOrDefault(m => m.Code == Municipality) is { } chosen ? chosen.OfficialName ?? chosen.Name : null;
        return null;
    }
}
