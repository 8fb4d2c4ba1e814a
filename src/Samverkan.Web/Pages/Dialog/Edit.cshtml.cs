using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Samverkan.Common;
using Samverkan.Dialogue;
using Samverkan.Organizations;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Pages.Overenskommelser;

namespace Samverkan.Web.Pages.Dialog;

/// <summary>Edits the minutes; once approved, the edit needs a note and becomes a new revision.</summary>
[Authorize]
public sealed class DialogueEditModel(GetDialogueMeeting get, UpdateDialogueMeeting update, ListOrganizations organizations, GetDialogueLinkChoices choices)
    : MeetingFormPage(organizations, choices)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public DialogueMeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input = MeetingInput.From(Meeting);
        Input.Pad(people: Input.People.Count + 1, agenda: Input.Agenda.Count + 1, decisions: Math.Max(1, Input.Decisions.Count));
        await LoadChoicesAsync(Meeting.Region.Code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        // Kind and municipality come from the meeting itself, never from the form.
        Input.Kind = Meeting.Kind;
        Input.Municipality = Meeting.Municipality?.Code;
        await LoadChoicesAsync(Meeting.Region.Code, ct);
        if (command is not null and not "save")
        {
            ApplyCommand(command);
            return Page();
        }
        SwedishBindingErrors.Apply(ModelState);
        if (!ModelState.IsValid) return Page();
        var result = await update.ExecuteAsync(new UpdateDialogueMeetingCommand(Id, Input.Version, Input.ToInput(), Input.ChangeNote), ct);
        if (result.IsSuccess)
        {
            TempData["Notice"] = result.Value.Revision > Meeting.Revision
                ? $"Ändringen är sparad som revision {result.Value.Revision}. Den tidigare revisionen finns kvar."
                : "Protokollet är sparat.";
            return Redirect($"/dialog/{Id}");
        }
        return Refused(result.Error!);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await get.ExecuteAsync(Id, null, ct);
        if (!result.IsSuccess) return this.Show(result.Error!);
        Meeting = result.Value;
        return Meeting.CanEdit ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
