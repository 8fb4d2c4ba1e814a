using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

/// <summary>One party's accepted answer for a commitment in one round, as the public sees it.</summary>
public sealed record PublicFollowUpAnswer(
    int Year, Guid RoundId, OrganizationRef Party, string Status, int? Progress, string? Narrative, IReadOnlyList<IndicatorValue> Indicators,
    DateTime? AcceptedAt);

/// <param name="Latest">Each committing party's most recent accepted answer (a party without one is absent).</param>
/// <param name="History">Every accepted answer, newest year first.</param>
public sealed record PublicCommitmentFollowUp(
    Guid CommitmentId, string Section, string Text, IReadOnlyList<OrganizationRef> Parties,
    IReadOnlyList<PublicFollowUpAnswer> Latest, IReadOnlyList<PublicFollowUpAnswer> History);

public sealed record PublicFollowUp(Guid AgreementId, string Title, int Version, IReadOnlyList<PublicCommitmentFollowUp> Commitments);

/// <summary>
/// A signed agreement's follow-up for anyone: per commitment of the version in force, the answers the region has
/// accepted, over every round. Nothing saved, submitted, returned or under review is shown; evidence files stay with
/// the parties and the region.
/// </summary>
public sealed class GetPublicFollowUp(SamverkanDb db) : IUseCase
{
    public async Task<Result<PublicFollowUp>> ExecuteAsync(Guid agreementId, CancellationToken ct = default)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement?.SignedVersion is not { } version)
            return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte eller är inte undertecknad.");

        var commitments = await db.Set<CommitmentRecord>().AsNoTracking()
            .Where(c => c.AgreementId == agreementId && c.Version == version).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var accepted = await db.Set<FollowUpSubmission>().AsNoTracking()
            .Where(s => s.AgreementId == agreementId && s.Status == SubmissionStatuses.Accepted)
            .ToListAsync(ct);
        var acceptedAt = accepted.ToDictionary(s => (s.RoundId, s.OrganizationId), s => s.ReviewedAt);
        var roundIds = accepted.Select(s => s.RoundId).Distinct().ToList();
        var years = await db.Set<FollowUpRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Year, ct);
        var entries = (await db.Set<FollowUpEntry>().AsNoTracking().Include(e => e.Indicators)
                .Where(e => e.AgreementId == agreementId && roundIds.Contains(e.RoundId)).ToListAsync(ct))
            .Where(e => acceptedAt.ContainsKey((e.RoundId, e.OrganizationId)))
            .ToList();
        var orgIds = entries.Select(e => e.OrganizationId).Distinct().ToList();
        var codes = commitments.SelectMany(c => Codes(c)).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id) || codes.Contains(o.Code)).ToListAsync(ct);
        var byId = orgs.ToDictionary(o => o.Id);
        var byCode = orgs.GroupBy(o => o.Code).ToDictionary(g => g.Key, g => g.First());

        var list = commitments.Select(c =>
        {
            var history = entries.Where(e => e.CommitmentId == c.Id)
                .Select(e => new PublicFollowUpAnswer(years[e.RoundId], e.RoundId, FollowUpStore.Ref(byId[e.OrganizationId]), e.Status, e.Progress,
                    e.Narrative, e.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorValue(i.Name, i.Value, i.Unit)).ToList(),
                    acceptedAt[(e.RoundId, e.OrganizationId)]))
                .OrderByDescending(a => a.Year).ThenBy(a => a.Party.Code, StringComparer.Ordinal)
                .ToList();
            var latest = history.GroupBy(a => a.Party.Code).Select(g => g.First()).ToList();
            return new PublicCommitmentFollowUp(c.Id, c.SectionHeading, c.Text,
                Codes(c).Where(byCode.ContainsKey).Select(code => FollowUpStore.Ref(byCode[code])).ToList(), latest, history);
        }).ToList();
        return new PublicFollowUp(agreement.Id, agreement.Title, version, list);
    }

    private static string[] Codes(CommitmentRecord c) => c.PartyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
