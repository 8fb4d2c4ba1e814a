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
}
