using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Agreements;

/// <summary>Checks and normalizes submitted agreement content before it becomes a version.</summary>
internal sealed class AgreementRules(SamverkanDb db)
{
    public sealed record Checked(AgreementContent Content, List<Organization> Parties, Organization Region);

    public async Task<Result<Checked>> CheckAsync(AgreementContent content, IReadOnlyList<string> partyCodes, CancellationToken ct)
    {
        content = content.WithoutNulls();
        partyCodes = partyCodes.Select(c => c ?? "").ToList();
        if (!AgreementKinds.All.Contains(content.Kind))
            return Error.Validation("agreement.kind-invalid", $"Okänd typ '{content.Kind}'. Möjliga: {string.Join(", ", AgreementKinds.All)}.", "kind");
        if (string.IsNullOrWhiteSpace(content.Title))
            return Error.Validation("agreement.title-required", "Överenskommelsen måste ha en titel.", "title");
        if (content.Title.Length > 500)
            return Error.Validation("agreement.title-too-long", "Titeln får vara högst 500 tecken.", "title");
        if (Limits(content) is { } tooLong) return tooLong;
        var codes = partyCodes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (codes.Distinct().Count() != codes.Count)
            return Error.Validation("agreement.party-duplicate", "Samma part är angiven två gånger.", "parties");
        if (codes.Count < 2)
            return Error.Validation("agreement.parties-too-few", "En överenskommelse måste ha minst två parter.", "parties");
        var parties = await db.Organizations.Where(o => codes.Contains(o.Code)).ToListAsync(ct);
        var unknown = codes.Except(parties.Select(p => p.Code)).ToList();
        if (unknown.Count > 0)
            return Error.Validation("agreement.party-unknown", $"Okänd part: {string.Join(", ", unknown)}.", "parties");
        parties = codes.Select(c => parties.Single(p => p.Code == c)).ToList();
        if (content.Period is { } period && period.To < period.From)
            return Error.Validation("agreement.period-invalid", "Perioden kan inte sluta innan den börjar.", "period");

        // The region that owns the agreement: a region party, else the region of the first party's county.
        var region = parties.FirstOrDefault(p => p.Kind == OrganizationKind.Region)
            ?? await db.Organizations.FirstOrDefaultAsync(o => o.Kind == OrganizationKind.Region && o.CountyCode == parties[0].CountyCode, ct);
        if (region is null)
            return Error.Validation("agreement.region-missing", "Minst en part måste höra till en region.", "parties");

        var goalIds = Commitments(content.Sections).SelectMany(c => c.GoalIds).Distinct().ToList();
        if (goalIds.Count > 0)
        {
            var known = await db.PlanGoals.Where(g => goalIds.Contains(g.Id)).Select(g => g.Id)
                .Concat(db.MunicipalGoals.Where(g => goalIds.Contains(g.Id)).Select(g => g.Id)).ToListAsync(ct);
            var missing = goalIds.Except(known).ToList();
            if (missing.Count > 0)
                return Error.Validation("agreement.goal-unknown", $"Okänt mål: {missing[0]}.", "sections");
        }
        foreach (var commitment in Commitments(content.Sections))
        {
            if (string.IsNullOrWhiteSpace(commitment.Text))
                return Error.Validation("agreement.commitment-text-required", "Ett åtagande saknar text.", "sections");
            if (commitment.Parties.Count == 0 || commitment.Parties.Any(c => !codes.Contains(c)))
                return Error.Validation("agreement.commitment-party-invalid",
                    $"Åtagandet \"{Short(commitment.Text)}\" måste ges av en eller flera av överenskommelsens parter.", "sections");
        }
        foreach (var line in content.Signatures)
            if (!codes.Contains(line.Party))
                return Error.Validation("agreement.signatory-party-invalid", $"Undertecknaren {line.Name} hör inte till någon part.", "signatures");

        var normalized = content with
        {
            Title = content.Title.Trim(),
            Reference = string.IsNullOrWhiteSpace(content.Reference) ? null : content.Reference.Trim(),
            Parties = parties.Select(p => new PartyRef(p.Code, p.DisplayName, p.Kind.ToCode())).ToList(),
            Sections = content.Sections.Select(WithCommitmentIds).ToList(),
            Signatures = content.Signatures.Select(s => s with { SignedAt = null, VersionHash = null }).ToList(),
        };
        return new Checked(normalized, parties, region);
    }

    public static IEnumerable<Commitment> Commitments(IEnumerable<Section> sections) =>
        sections.SelectMany(s => s.Items.SelectMany(i => i.Commitments).Concat(Commitments(s.Sections)));

    /// <summary>Every commitment keeps its id across versions; new ones get one, so follow-up can attach to it.</summary>
    private static Section WithCommitmentIds(Section s) => s with
    {
        Items = s.Items.Select(i => i with { Commitments = i.Commitments.Select(c => c.Id is null ? c with { Id = Guid.CreateVersion7() } : c).ToList() }).ToList(),
        Sections = s.Sections.Select(WithCommitmentIds).ToList(),
    };

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>
    /// The limits of the columns the content is copied into (the commitment rows), and no NUL anywhere: PostgreSQL
    /// refuses both where SQLite takes them silently, so without this check the same input is a 400 on one database
    /// and a 500 on the other (found by HostileInputTests on PostgreSQL).
    /// </summary>
    private static Error? Limits(AgreementContent content)
    {
        if (content.Reference is { Length: > 50 })
            return Error.Validation("agreement.reference-too-long", "Diarienumret får vara högst 50 tecken.", "reference");
        foreach (var (section, commitment) in AgreementStore.CommitmentsWithSection(content.Sections, ""))
        {
            if (section.Length > 500)
                return Error.Validation("agreement.heading-too-long", $"Rubriken \"{Short(section)}\" är för lång (högst 500 tecken med överrubrikerna).", "sections");
            if (commitment.Indicator is { Length: > 500 } || commitment.Target is { Length: > 500 })
                return Error.Validation("agreement.indicator-too-long",
                    $"Indikatorn och målvärdet för åtagandet \"{Short(commitment.Text)}\" får vara högst 500 tecken var.", "sections");
            if (commitment.GoalIds.Count > 100)
                return Error.Validation("agreement.goals-too-many", $"Åtagandet \"{Short(commitment.Text)}\" kan länkas till högst 100 mål.", "sections");
        }
        if (Texts(content).Any(t => t.Contains('\0')))
            return Error.Validation("agreement.text-invalid", "Texten innehåller ett nolltecken (NUL), som inte kan sparas. Ta bort det och försök igen.", "sections");
        return null;
    }

    private static IEnumerable<string> Texts(AgreementContent c) =>
        new[] { c.Title, c.Reference, c.CaseOfficer?.Name, c.CaseOfficer?.Title, c.CaseOfficer?.Phone, c.CaseOfficer?.Email }
            .Concat(c.Signatures.SelectMany(s => new[] { s.Party, s.Name, s.Role, s.Place }))
            .Concat(SectionTexts(c.Sections))
            .OfType<string>();

    private static IEnumerable<string?> SectionTexts(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s.Heading }
            .Concat(s.Items.SelectMany(i => new[] { i.Style, i.Text }.Concat(i.Footnotes)
                .Concat(i.Commitments.SelectMany(m => new[] { m.Text, m.Indicator, m.Target }.Concat(m.Parties).Concat(m.Institutions)))))
            .Concat(SectionTexts(s.Sections)));
}
