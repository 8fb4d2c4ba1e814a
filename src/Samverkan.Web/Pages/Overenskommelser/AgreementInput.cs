using System.Globalization;
using Samverkan.Agreements;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>
/// The editor form: the whole agreement as plain lists with indices, so it binds without JavaScript.
/// Rules live in SaveAgreement; this only converts, and drops rows a person added and left empty.
/// </summary>
public sealed class AgreementInput
{
    public int BaseVersion { get; set; }
    public string? Title { get; set; }
    public DateOnly? Date { get; set; }
    public string? Reference { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public string? OfficerName { get; set; }
    public string? OfficerTitle { get; set; }
    public string? OfficerPhone { get; set; }
    public string? OfficerEmail { get; set; }
    public string? Note { get; set; }
    public List<SectionInput> Sections { get; set; } = [];
    public List<SignatoryInput> Signatures { get; set; } = [];

    public static AgreementInput From(AgreementContent c) => new()
    {
        BaseVersion = c.Version,
        Title = c.Title,
        Date = c.Date,
        Reference = c.Reference,
        PeriodFrom = c.Period?.From,
        PeriodTo = c.Period?.To,
        OfficerName = c.CaseOfficer?.Name,
        OfficerTitle = c.CaseOfficer?.Title,
        OfficerPhone = c.CaseOfficer?.Phone,
        OfficerEmail = c.CaseOfficer?.Email,
        Sections = c.Sections.Select(SectionInput.From).ToList(),
        Signatures = c.Signatures.Select(s => new SignatoryInput { Party = s.Party, Name = s.Name, Role = s.Role, Place = s.Place, Date = s.Date }).ToList(),
    };

    /// <summary>Every party gets a signatory row to fill in, so a new agreement can name its signatories.</summary>
    public void PadSignatures(IEnumerable<PartyRef> parties)
    {
        foreach (var party in parties)
            if (Signatures.All(s => s.Party != party.Code))
                Signatures.Add(new SignatoryInput { Party = party.Code });
        Signatures = Signatures.OrderBy(s => s.Party == "" ? 1 : 0).ToList();
    }

    /// <summary>The content to save; <paramref name="latest"/> supplies what the form does not edit (kind, parties).</summary>
    public AgreementContent ToContent(AgreementContent latest) => latest with
    {
        Title = Title?.Trim() ?? "",
        Date = Date,
        Reference = Blank(Reference),
        Period = PeriodFrom is { } from && PeriodTo is { } to ? new Period(from, to) : null,
        CaseOfficer = Blank(OfficerName) is { } name
            ? new CaseOfficer(name, Blank(OfficerTitle), Blank(OfficerPhone), Blank(OfficerEmail))
            : null,
        Sections = Sections.Where(s => !s.IsEmpty).Select(s => s.ToSection()).ToList(),
        // A line with only a role is kept: a template names the municipality's signatory by role, each draft fills in the name.
        Signatures = Signatures.Where(s => Blank(s.Name) is not null || Blank(s.Role) is not null)
            .Select(s => new SignatureLine { Party = s.Party, Name = s.Name?.Trim() ?? "", Role = Blank(s.Role), Place = Blank(s.Place), Date = s.Date })
            .ToList(),
    };

    /// <summary>
    /// The checks a form can make before the use case sees the content (a half-given period, an officer without a
    /// name, values that did not bind); false when the form has errors to show.
    /// </summary>
    public bool CheckForm(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        if ((PeriodFrom is null) != (PeriodTo is null))
            state.AddModelError(PeriodFrom is null ? "Input.PeriodFrom" : "Input.PeriodTo", "Ange både periodens första och sista dag, eller ingen av dem.");
        if (Blank(OfficerName) is null && new[] { OfficerTitle, OfficerPhone, OfficerEmail }.Any(v => !string.IsNullOrWhiteSpace(v)))
            state.AddModelError("Input.OfficerName", "Ange handläggarens namn.");
        SwedishBindingErrors.Apply(state);
        return state.IsValid;
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class SectionInput
{
    public string? Heading { get; set; }
    public List<ItemInput> Items { get; set; } = [];
    public List<SectionInput> Sections { get; set; } = [];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Heading) && Items.All(i => i.IsEmpty) && Sections.All(s => s.IsEmpty);

    public static SectionInput From(Section s) => new()
    {
        Heading = s.Heading,
        Items = s.Items.Select(ItemInput.From).ToList(),
        Sections = s.Sections.Select(From).ToList(),
    };

    public Section ToSection() => new()
    {
        Heading = Heading?.Trim() ?? "",
        Items = Items.Where(i => !i.IsEmpty).Select(i => i.ToItem()).ToList(),
        Sections = Sections.Where(s => !s.IsEmpty).Select(s => s.ToSection()).ToList(),
    };
}

public sealed class ItemInput
{
    public string Style { get; set; } = ItemStyles.Paragraph;
    public string? Text { get; set; }

    /// <summary>One footnote per line.</summary>
    public string? Footnotes { get; set; }

    public List<CommitmentInput> Commitments { get; set; } = [];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Footnotes) && Commitments.All(c => c.IsEmpty);

    public static ItemInput From(Item i) => new()
    {
        Style = i.Style,
        Text = i.Text,
        Footnotes = string.Join("\n", i.Footnotes),
        Commitments = i.Commitments.Select(CommitmentInput.From).ToList(),
    };

    public Item ToItem() => new()
    {
        Style = Style == ItemStyles.Bullet ? ItemStyles.Bullet : ItemStyles.Paragraph,
        Text = Text?.Trim() ?? "",
        Footnotes = (Footnotes ?? "").Split('\n').Select(f => f.Trim()).Where(f => f.Length > 0).ToList(),
        Commitments = Commitments.Where(c => !c.IsEmpty).Select(c => c.ToCommitment()).ToList(),
    };
}

public sealed class CommitmentInput
{
    /// <summary>Kept in a hidden field: follow-up attaches to the id, so it must survive every edit.</summary>
    public Guid? Id { get; set; }

    public List<string> Parties { get; set; } = [];
    public string? Text { get; set; }
    public string? Indicator { get; set; }
    public string? Target { get; set; }
    public DateOnly? Due { get; set; }

    /// <summary>Goal ids and institution codes, comma-separated: not edited here, only carried through.</summary>
    public string? GoalIds { get; set; }

    public string? Institutions { get; set; }

    /// <summary>A commitment added and never filled in; a saved one (with an id) is never dropped silently.</summary>
    public bool IsEmpty => Id is null && Parties.Count == 0 && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Indicator)
        && string.IsNullOrWhiteSpace(Target) && Due is null;

    public static CommitmentInput From(Commitment c) => new()
    {
        Id = c.Id,
        Parties = c.Parties.ToList(),
        Text = c.Text,
        Indicator = c.Indicator,
        Target = c.Target,
        Due = c.Due,
        GoalIds = string.Join(",", c.GoalIds),
        Institutions = string.Join(",", c.Institutions),
    };

    public Commitment ToCommitment() => new()
    {
        Id = Id,
        Parties = Parties.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList(),
        Text = Text?.Trim() ?? "",
        Indicator = AgreementInput.Blank(Indicator),
        Target = AgreementInput.Blank(Target),
        Due = Due,
        GoalIds = (GoalIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => Guid.TryParse(g, CultureInfo.InvariantCulture, out var id) ? id : Guid.Empty).Where(g => g != Guid.Empty).ToList(),
        Institutions = (Institutions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
    };
}

public sealed class SignatoryInput
{
    public string Party { get; set; } = "";
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Place { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>Model binding's own messages are English ("The value 'x' is not valid for …"); people get Swedish ones.</summary>
public static class SwedishBindingErrors
{
    public static void Apply(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0 || string.IsNullOrEmpty(entry.AttemptedValue)) continue;
            if (!entry.Errors.Any(e => e.Exception is not null || e.ErrorMessage.StartsWith("The value", StringComparison.Ordinal))) continue;
            var message = key.EndsWith("Year", StringComparison.Ordinal)
                ? "Ange årtalet med fyra siffror, till exempel 2027."
                : key.EndsWith("Date", StringComparison.Ordinal) || key.EndsWith("From", StringComparison.Ordinal)
                  || key.EndsWith("To", StringComparison.Ordinal) || key.EndsWith("Due", StringComparison.Ordinal)
                    ? "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-31."
                    : "Värdet har fel form.";
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }
}
