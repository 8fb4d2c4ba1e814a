using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>
/// The structured editor. Adding and removing sections, items and commitments are submit buttons with a
/// <c>command</c> value that change the form and show it again (nothing is saved until "Spara"), so the
/// page works without JavaScript.
/// </summary>
[Authorize]
public sealed class AgreementEditModel(GetAgreement get, GetAgreementActions actions, SaveAgreement save) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AgreementInput Input { get; set; } = new();

    public AgreementContent Latest { get; private set; } = null!;
    public AgreementActions Actions { get; private set; } = null!;
    public string? StatusMessage { get; private set; }
    public StaleEdit? Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Input = AgreementInput.From(Latest);
        Input.PadSignatures(Latest.Parties);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (EditorCommands.IsSave(command, Input)) return await SaveAsync(ct);
        StatusMessage = EditorCommands.Redraw(ModelState, Input, command, Latest.Parties);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        if (!Input.CheckForm(ModelState))
        {
            Input.PadSignatures(Latest.Parties);
            return Page();
        }
        var result = await save.ExecuteAsync(new SaveAgreementCommand(Id, Input.BaseVersion, Input.ToContent(Latest),
            Latest.Parties.Select(p => p.Code).ToList(), AgreementInput.Blank(Input.Note)), ct);
        if (result.IsSuccess)
        {
            TempData["Notice"] = $"Version {result.Value.Version} är sparad.";
            return Redirect($"/overenskommelser/{Id}");
        }
        Input.PadSignatures(Latest.Parties);
        if (result.Error!.Code == "agreement.stale") Stale = StaleFrom(result.Error, Input.BaseVersion);
        return this.Show(result.Error);
    }

    private static StaleEdit StaleFrom(Error error, int yourVersion)
    {
        var current = error.Extensions?.GetValueOrDefault("currentVersion") is int n ? n : yourVersion;
        // The use case hands the changed segments over as plain objects (they become problem members in the
        // API); a JSON round trip reads them without depending on their CLR type.
        var changes = new List<DiffSegment>();
        if (error.Extensions?.GetValueOrDefault("changesSince") is { } raw)
        {
            var json = JsonSerializer.SerializeToElement(raw);
            if (json.ValueKind == JsonValueKind.Array)
                foreach (var segment in json.EnumerateArray())
                    if (segment.TryGetProperty("op", out var op) && segment.TryGetProperty("text", out var text))
                        changes.Add(new DiffSegment(op.GetString() ?? "", text.GetString() ?? ""));
        }
        return new StaleEdit(yourVersion, current, changes);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var can = await actions.ExecuteAsync(Id, ct);
        if (!can.IsSuccess) return this.Show(can.Error!);
        Actions = can.Value;
        if (!Actions.CanEdit)
        {
            if (!Actions.CanAmend) return StatusCode(StatusCodes.Status403Forbidden);
            TempData["Notice"] = "Överenskommelsen är undertecknad och kan inte ändras direkt. Starta en ändring (tillägg) för att ändra den.";
            return Redirect($"/overenskommelser/{Id}");
        }
        var latest = await get.ExecuteAsync(Id, null, ct);
        if (!latest.IsSuccess) return this.Show(latest.Error!);
        Latest = latest.Value;
        return null;
    }
}

/// <summary>The editor's structural commands, e.g. <c>add-item:0.1</c> (section 0, its subsection 1) or <c>remove-commitment:0:2:1</c>.</summary>
public static class EditorCommands
{
    /// <summary>
    /// True for "save" (also what a form without a pressed button sends) and "overwrite:N", which saves on top of
    /// version N after a stale save; every other command only changes the form.
    /// </summary>
    public static bool IsSave([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? command, AgreementInput input)
    {
        if (command is null or "save") return true;
        if (!command.StartsWith("overwrite:", StringComparison.Ordinal)) return false;
        if (int.TryParse(command["overwrite:".Length..], CultureInfo.InvariantCulture, out var onTopOf)) input.BaseVersion = onTopOf;
        return true;
    }

    /// <summary>
    /// Applies a structural command for the form to be drawn again. Indices shift when a row is removed, so the form is
    /// drawn from the changed input, not from what was posted (hence the cleared model state).
    /// </summary>
    public static string? Redraw(ModelStateDictionary state, AgreementInput input, string command, IEnumerable<PartyRef> parties)
    {
        state.Clear();
        var message = Apply(input, command);
        input.PadSignatures(parties);
        return message;
    }

    /// <summary>Applies one command and returns what happened, in Swedish, for the status line.</summary>
    public static string? Apply(AgreementInput input, string command)
    {
        var colon = command.IndexOf(':');
        var verb = colon < 0 ? command : command[..colon];
        var args = colon < 0 ? Array.Empty<string>() : command[(colon + 1)..].Split(':');
        var section = args.Length > 0 ? Find(input.Sections, args[0]) : null;
        var itemIndex = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var i) ? i : -1;
        var item = section is not null && itemIndex >= 0 && itemIndex < section.Items.Count ? section.Items[itemIndex] : null;
        var number = args.Length > 0 ? Number(args[0]) : "";
        switch (verb)
        {
            case "add-section":
                input.Sections.Add(new SectionInput());
                return $"Avsnitt {input.Sections.Count} är tillagt. Inget är sparat än.";
            case "add-subsection" when section is not null:
                section.Sections.Add(new SectionInput());
                return $"Avsnitt {number}.{section.Sections.Count} är tillagt. Inget är sparat än.";
            case "remove-section" when args.Length > 0:
                var (list, index) = Parent(input.Sections, args[0]);
                if (list is null) return null;
                list.RemoveAt(index);
                return $"Avsnitt {number} är borttaget. Inget är sparat än.";
            case "move-section-up" when args.Length > 0:
                var (siblings, at) = Parent(input.Sections, args[0]);
                if (siblings is null || at == 0) return null;
                (siblings[at - 1], siblings[at]) = (siblings[at], siblings[at - 1]);
                return $"Avsnitt {number} är flyttat upp ett steg. Inget är sparat än.";
            case "move-item-up" when item is not null && itemIndex > 0:
                (section!.Items[itemIndex - 1], section.Items[itemIndex]) = (section.Items[itemIndex], section.Items[itemIndex - 1]);
                return $"Stycke {itemIndex + 1} i avsnitt {number} är flyttat upp och är nu stycke {itemIndex}. Inget är sparat än.";
            case "add-item" when section is not null:
                section.Items.Add(new ItemInput());
                return $"Stycke {section.Items.Count} i avsnitt {number} är tillagt. Inget är sparat än.";
            case "remove-item" when item is not null:
                section!.Items.RemoveAt(itemIndex);
                return $"Stycke {itemIndex + 1} i avsnitt {number} är borttaget. Inget är sparat än.";
            case "add-commitment" when item is not null:
                item.Commitments.Add(new CommitmentInput());
                return $"Åtagande {item.Commitments.Count} i avsnitt {number}, stycke {itemIndex + 1} är tillagt. Inget är sparat än.";
            case "remove-commitment" when item is not null && args.Length > 2
                                              && int.TryParse(args[2], CultureInfo.InvariantCulture, out var k) && k >= 0 && k < item.Commitments.Count:
                item.Commitments.RemoveAt(k);
                return $"Åtagande {k + 1} i avsnitt {number}, stycke {itemIndex + 1} är borttaget. Inget är sparat än.";
            default:
                return null;
        }
    }

    /// <summary>"0.1" → "1.2": the numbering people see.</summary>
    public static string Number(string path) =>
        string.Join('.', path.Split('.').Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : p));

    private static SectionInput? Find(List<SectionInput> sections, string path)
    {
        var (list, index) = Parent(sections, path);
        return list?[index];
    }

    private static (List<SectionInput>? List, int Index) Parent(List<SectionInput> sections, string path)
    {
        var list = sections;
        var steps = path.Split('.');
        for (var s = 0; s < steps.Length; s++)
        {
            if (!int.TryParse(steps[s], CultureInfo.InvariantCulture, out var n) || n < 0 || n >= list.Count) return (null, 0);
            if (s == steps.Length - 1) return (list, n);
            list = list[n].Sections;
        }
        return (null, 0);
    }
}
