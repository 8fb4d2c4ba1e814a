using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Samverkan.Agreements;

namespace Samverkan.Web.Pages.Overenskommelser;

/// <summary>One part of an agreement that can be commented on or reworded, addressed by its <see cref="ContentPath"/>.</summary>
public sealed record AgreementPart(string Path, string Kind, string Label, string Text, int Depth, Commitment? Commitment = null);

/// <summary>Swedish names and formats for agreements, the same on every page that shows one.</summary>
public static partial class AgreementDisplay
{
    public static readonly IReadOnlyList<string> ListedStatuses =
    [
        AgreementStatuses.Draft, AgreementStatuses.Negotiation, AgreementStatuses.Agreed, AgreementStatuses.Signed,
        AgreementStatuses.Active, AgreementStatuses.Expired, AgreementStatuses.Withdrawn,
    ];

    public static string StatusName(string status) => status switch
    {
        AgreementStatuses.Draft => "Utkast",
        AgreementStatuses.Negotiation => "Förhandling",
        AgreementStatuses.Agreed => "Överenskommen",
        AgreementStatuses.Signed => "Undertecknad",
        AgreementStatuses.Active => "Gällande",
        AgreementStatuses.Expired => "Utgången",
        AgreementStatuses.Withdrawn => "Återkallad",
        "superseded" => "Ersatt av en senare version",
        _ => status,
    };

    /// <summary>The document's heading word; shown in capitals by CSS so screen readers read a word, not letters.</summary>
    public static string KindName(string kind) => kind switch
    {
        AgreementKinds.MunicipalAgreement => "Överenskommelse",
        AgreementKinds.InstitutionAssignment => "Uppdragsöverenskommelse",
        AgreementKinds.DeclarationOfIntent => "Avsiktsförklaring",
        _ => "Avtal",
    };

    public static string PartyKindName(string kind) => kind switch
    {
        "region" => "Region",
        "municipality" => "Kommun",
        "institution" => "Institution",
        "state-body" => "Stat",
        "organizer" => "Arrangör",
        _ => kind,
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Whole calendar years read as "2027–2030", as the documents write them; other periods in full.</summary>
    public static string Period(DateOnly? from, DateOnly? to)
    {
        if (from is null || to is null) return "–";
        if (from.Value is { Month: 1, Day: 1 } && to.Value is { Month: 12, Day: 31 })
            return from.Value.Year == to.Value.Year ? $"{from.Value.Year}" : $"{from.Value.Year}–{to.Value.Year}";
        return $"{Date(from)} – {Date(to)}";
    }

    public static string Period(Period? period) => Period(period?.From, period?.To);

    private static readonly TimeZoneInfo Swedish = FindSwedishZone();

    private static TimeZoneInfo FindSwedishZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    /// <summary>Instants are stored in UTC; people read Swedish time.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Swedish).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is { } t ? Time(t) : "–";

    public static string MachineTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string MethodName(string? method) => method switch
    {
        "electronic" => "Elektroniskt",
        "paper" => "På papper (registrerad)",
        null => "–",
        _ => method,
    };

    public static string PartyName(IReadOnlyList<PartyRef> parties, string code) => parties.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    /// <summary>Who commits, in words: "Gemensamt" for two or more parties, else the party's kind.</summary>
    public static string CommitterLabel(Commitment commitment, IReadOnlyList<PartyRef> parties)
    {
        if (commitment.Parties.Count > 1) return "Gemensamt";
        var party = parties.FirstOrDefault(p => p.Code == commitment.Parties.FirstOrDefault());
        return party is null ? "Part" : PartyKindName(party.Kind);
    }

    public static string CommitterClass(Commitment commitment, IReadOnlyList<PartyRef> parties) =>
        commitment.Parties.Count > 1 ? "joint" : parties.FirstOrDefault(p => p.Code == commitment.Parties.FirstOrDefault())?.Kind ?? "other";

    public static string CommitterNames(Commitment commitment, IReadOnlyList<PartyRef> parties) =>
        Join(commitment.Parties.Select(c => PartyName(parties, c)).ToList());

    /// <summary>"1 utkast", "3 utkast": a count with the word in the right number.</summary>
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>"A", "A och B", "A, B och C".</summary>
    public static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} och {names[^1]}",
    };

    public static string ShortHash(string? hash) => hash is { Length: > 12 } ? hash[..12] + "…" : hash ?? "–";

    /// <summary>An element id for a content path: "sections[1].items[0]" → "del-sections-1-items-0".</summary>
    public static string Anchor(string path) => path.Length == 0 ? "del-hela" : "del-" + NonWord().Replace(path, "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    /// <summary>Every part that can be commented on or reworded, in reading order, with a label a person can follow.</summary>
    public static IReadOnlyList<AgreementPart> Parts(AgreementContent content)
    {
        var parts = new List<AgreementPart> { new("title", "title", "Titeln", content.Title, 0) };
        void Walk(IReadOnlyList<Section> sections, string prefix, string numberPrefix, int depth)
        {
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                var path = $"{prefix}sections[{i}]";
                var number = $"{numberPrefix}{i + 1}";
                parts.Add(new(path, "section", $"Avsnitt {number} (rubriken): {Short(s.Heading)}", s.Heading, depth));
                for (var j = 0; j < s.Items.Count; j++)
                {
                    var item = s.Items[j];
                    var itemPath = $"{path}.items[{j}]";
                    parts.Add(new(itemPath, "item", $"Avsnitt {number}, stycke {j + 1}: {Short(item.Text)}", item.Text, depth + 1));
                    for (var k = 0; k < item.Commitments.Count; k++)
                        parts.Add(new($"{itemPath}.commitments[{k}]", "commitment",
                            $"Avsnitt {number}, stycke {j + 1}, åtagande {k + 1}: {Short(item.Commitments[k].Text)}", item.Commitments[k].Text, depth + 2,
                            item.Commitments[k]));
                }
                Walk(s.Sections, path + ".", number + ".", depth + 1);
            }
        }
        Walk(content.Sections, "", "", 0);
        return parts;
    }

    /// <summary>
    /// Diff segments as one run of markup: the text is shown with white-space kept, so no whitespace from the
    /// template may slip in between segments. Screen readers get the words "tillagt"/"borttaget", not colour.
    /// </summary>
    public static IHtmlContent DiffHtml(IEnumerable<DiffSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var s in segments)
        {
            switch (s.Op)
            {
                case "insert":
                    html.AppendHtml("<ins><span class=\"visually-hidden\">tillagt: </span>").Append(s.Text)
                        .AppendHtml("<span class=\"visually-hidden\"> (slut på tillagt)</span></ins>");
                    break;
                case "delete":
                    html.AppendHtml("<del><span class=\"visually-hidden\">borttaget: </span>").Append(s.Text)
                        .AppendHtml("<span class=\"visually-hidden\"> (slut på borttaget)</span></del>");
                    break;
                default:
                    html.Append(s.Text);
                    break;
            }
        }
        return html;
    }

    public static string Short(string text, int max = 60)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}

/// <summary>The agreement table of the list pages; <paramref name="LinkPrefix"/> is the detail URL without the id.</summary>
public sealed record AgreementTableModel(IReadOnlyList<AgreementSummary> Agreements, string Caption, string LinkPrefix, bool ShowUpdated);

/// <summary>The sub-navigation between an agreement's pages; <paramref name="Current"/> is marked for screen readers too.</summary>
public sealed record AgreementNavModel(Guid Id, string Current, bool SeesWork, bool HasSignedVersion, bool FromTemplate = false)
{
    public static AgreementNavModel For(Guid id, string current, AgreementActions actions) =>
        new(id, current, actions.SeesWork, actions.SignedVersion is not null, actions.TemplateId is not null);
}

/// <summary>The departures partial (<c>_TemplateDepartures</c>): the short list on the agreement's page, the word diffs on its own page.</summary>
public sealed record TemplateDeparturesView(TemplateDepartures Departures, bool Full);
