using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

/// <summary>
/// What a round covers: its agreements, each at the version followed up, with the commitments of that version and
/// who holds each. Built by <see cref="FollowUpStore.ScopeAsync"/>; the roll-up and reports read the same shape.
/// </summary>
public sealed record RoundScope(FollowUpRound Round, Organization Region, CulturePlan Plan, IReadOnlyList<ScopedAgreement> Agreements)
{
    /// <summary>The round's region's own staff open, close and review; they also see every answer.</summary>
    public bool IsReviewer(Actor actor) => actor.IsStaffOfRegion(Round.RegionId);

    /// <summary>Parties (any role) see their agreement's answers, also the other party's; the region's staff see all.</summary>
    public bool Sees(Actor actor, ScopedAgreement agreement) => IsReviewer(actor) || actor.IsOperator || agreement.IsParty(actor);

    public bool IsOpen => Round.Status == RoundStatuses.Open;

    public ScopedAgreement? Find(Guid agreementId) => Agreements.FirstOrDefault(a => a.Agreement.Id == agreementId);
}

public sealed record ScopedAgreement(Agreement Agreement, int Version, IReadOnlyList<Organization> Parties, IReadOnlyList<ScopedCommitment> Commitments)
{
    public bool IsParty(Actor actor) => actor.OrganizationId is { } id && Parties.Any(p => p.Id == id);

    /// <summary>The parties that hold at least one commitment: each owes the round one submission.</summary>
    public IReadOnlyList<Organization> CommittingParties =>
        Parties.Where(p => Commitments.Any(c => c.IsHeldBy(p.Id))).ToList();

    public IEnumerable<ScopedCommitment> HeldBy(Guid organizationId) => Commitments.Where(c => c.IsHeldBy(organizationId));
}

/// <summary>A commitment of the followed-up version (from <see cref="CommitmentRecord"/>), with its committing parties resolved.</summary>
public sealed record ScopedCommitment(
    Guid Id, int SortOrder, string Section, string Text, IReadOnlyList<Organization> Parties, string? Indicator, string? Target, DateOnly? Due,
    IReadOnlyList<Guid> GoalIds)
{
    public bool Joint => Parties.Count > 1;

    public bool IsHeldBy(Guid organizationId) => Parties.Any(p => p.Id == organizationId);
}

/// <summary>One party's place in one agreement of a round, resolved and checked for the caller.</summary>
public sealed record PartyContext(RoundScope Scope, ScopedAgreement Agreement, Organization Party)
{
    public FollowUpRound Round => Scope.Round;
}
