using System.Globalization;
using Samverkan.Dialogue;
using Samverkan.Organizations;

namespace Samverkan.Web.Pages.Dialog;

/// <summary>
/// The minutes form: the whole meeting as plain lists with indices, so it binds without JavaScript. Rules live in the
/// use cases; this only converts, and drops rows a person added and left empty.
/// </summary>
public sealed class MeetingInput
{
    public string Kind { get; set; } = DialogueKinds.MunicipalDialogue;
    public string? Municipality { get; set; }
    public DateOnly? Date { get; set; }
    public string? Place { get; set; }
    public string? Title { get; set; }
    public List<string> Organizations { get; set; } = [];
    public List<PersonRow> People { get; set; } = [];
    public List<AgendaRow> Agenda { get; set; } = [];
    public string? Notes { get; set; }
    public List<DecisionRow> Decisions { get; set; } = [];
    public int Version { get; set; }
    public string? ChangeNote { get; set; }

    public static MeetingInput From(DialogueMeetingView m) => new()
    {
        Kind = m.Kind,
        Municipality = m.Municipality?.Code,
        Date = m.Date,
        Place = m.Place,
        Title = m.Title,
        Organizations = m.Organizations.Select(o => o.Code).ToList(),
        People = m.People.Select(p => new PersonRow { Name = p.Name, Role = p.Role, Organization = p.Organization?.Code }).ToList(),
        Agenda = m.Agenda.Select(a => new AgendaRow { Title = a.Title, Notes = a.Notes }).ToList(),
        Notes = m.Notes,
        Decisions = m.Decisions.Select(d => new DecisionRow
        {
            Id = d.Id, Text = d.Text, Commitments = d.Commitments.Select(c => c.Id).ToList(), Goals = d.Goals.Select(g => g.Id).ToList(),
        }).ToList(),
        Version = m.Version,
    };

    public DialogueMeetingInput ToInput() => new(Kind, Date, Place, Municipality, Title, Organizations,
        People.Select(p => new ParticipantInput(p.Name, p.Role, p.Organization)).ToList(),
        Agenda.Select(a => new AgendaItemInput(a.Title, a.Notes)).ToList(),
        Notes,
        Decisions.Select(d => new DecisionInput(d.Id, d.Text, d.Commitments, d.Goals)).ToList());

    /// <summary>Room to write in: a new meeting starts with a few empty rows of each list.</summary>
    public void Pad(int people = 3, int agenda = 3, int decisions = 1)
    {
        while (People.Count < people) People.Add(new PersonRow());
        while (Agenda.Count < agenda) Agenda.Add(new AgendaRow());
        while (Decisions.Count < decisions) Decisions.Add(new DecisionRow());
    }

    /// <summary>Applies a row command (<c>add-person</c>, <c>remove-agenda:2</c>, <c>move-agenda-up:1</c>…) and says what happened.</summary>
    public string? Apply(string command)
    {
        var colon = command.IndexOf(':');
        var verb = colon < 0 ? command : command[..colon];
        var i = colon < 0 || !int.TryParse(command[(colon + 1)..], CultureInfo.InvariantCulture, out var n) ? -1 : n;
        switch (verb)
        {
            case "add-person":
                People.Add(new PersonRow());
                return $"Deltagare {People.Count} är tillagd. Inget är sparat än.";
            case "remove-person" when i >= 0 && i < People.Count:
                People.RemoveAt(i);
                return $"Deltagare {i + 1} är borttagen. Inget är sparat än.";
            case "add-agenda":
                Agenda.Add(new AgendaRow());
                return $"Punkt {Agenda.Count} är tillagd på dagordningen. Inget är sparat än.";
            case "remove-agenda" when i >= 0 && i < Agenda.Count:
                Agenda.RemoveAt(i);
                return $"Punkt {i + 1} är borttagen från dagordningen. Inget är sparat än.";
            case "move-agenda-up" when i > 0 && i < Agenda.Count:
                (Agenda[i - 1], Agenda[i]) = (Agenda[i], Agenda[i - 1]);
                return $"Punkt {i + 1} är flyttad upp och är nu punkt {i}. Inget är sparat än.";
            case "add-decision":
                Decisions.Add(new DecisionRow());
                return $"Beslut {Decisions.Count} är tillagt. Inget är sparat än.";
            case "remove-decision" when i >= 0 && i < Decisions.Count:
                Decisions.RemoveAt(i);
                return $"Beslut {i + 1} är borttaget. Inget är sparat än.";
            default:
                return null;
        }
    }

    /// <summary>"people[0].name" from a use case becomes the form's "Input.People[0].Name".</summary>
    public static string FieldKey(string field) =>
        "Input." + string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}

public sealed class PersonRow
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Organization { get; set; }
}

public sealed class AgendaRow
{
    public string? Title { get; set; }
    public string? Notes { get; set; }
}

public sealed class DecisionRow
{
    /// <summary>Kept in a hidden field: the decision keeps its id, and so its links, across edits.</summary>
    public Guid? Id { get; set; }

    public string? Text { get; set; }
    public List<Guid> Commitments { get; set; } = [];
    public List<Guid> Goals { get; set; } = [];
}

/// <summary>What the form partial needs beside the input: the organizations to choose from and what decisions may link to.</summary>
public sealed record MeetingFormModel(
    MeetingInput Input, string RegionCode, string RegionName, string? MunicipalityName, IReadOnlyList<OrganizationSummary> Organizations,
    DialogueLinkChoices Choices, bool NeedsChangeNote, string CancelUrl, string SaveLabel);
