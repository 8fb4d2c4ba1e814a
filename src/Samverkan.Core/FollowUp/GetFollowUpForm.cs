using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// One party's form for one agreement in a round: each commitment it holds with its entry, the other parties' entries
/// for joint commitments, and the submission. Readable by the agreement's parties and the region's staff.
/// </summary>
public sealed class GetFollowUpForm(ActorContext actors, FollowUpStore store) : IUseCase
{
    public async Task<Result<FollowUpFormView>> ExecuteAsync(Guid roundId, Guid agreementId, string? partyCode, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.ForPartyAsync(roundId, agreementId, partyCode, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var context = found.Value;
        var (round, agreement, party) = (context.Round, context.Agreement, context.Party);

        var entries = await store.EntriesAsync(round.Id, agreement.Agreement.Id, ct);
        var evidence = await store.EvidenceAsync(entries.Select(e => e.Id), ct);
        var submission = await store.SubmissionAsync(round.Id, agreement.Agreement.Id, party.Id, ct);
        var held = agreement.HeldBy(party.Id).ToList();
        var commitments = held.Select(c =>
        {
            var own = entries.FirstOrDefault(e => e.CommitmentId == c.Id && e.OrganizationId == party.Id);
            var others = c.Parties.Where(p => p.Id != party.Id)
                .Select(p => (Party: p, Entry: entries.FirstOrDefault(e => e.CommitmentId == c.Id && e.OrganizationId == p.Id)))
                .Where(x => x.Entry is not null)
                .Select(x => FollowUpStore.View(x.Entry!, x.Party, evidence[x.Entry!.Id]))
                .ToList();
            return new FormCommitmentView(c.Id, c.Section, c.Text, c.Parties.Select(FollowUpStore.Ref).ToList(), c.Joint, c.Indicator, c.Target, c.Due,
                own is null ? null : FollowUpStore.View(own, party, evidence[own.Id]), others);
        }).ToList();

        var canEdit = held.Count > 0 && FollowUpStore.CheckWrite(context, submission, actor) is null;
        return new FollowUpFormView(
            new RoundRef(round.Id, round.Year, round.Deadline, round.Status, round.Instructions),
            new AgreementRef(agreement.Agreement.Id, agreement.Agreement.Title, agreement.Version),
            FollowUpStore.Ref(party),
            await store.SubmissionViewAsync(submission, context, ct),
            canEdit,
            canEdit && commitments.All(c => c.Entry is not null),
            commitments);
    }
}
