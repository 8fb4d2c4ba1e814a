using Samverkan.Plans;

namespace Samverkan.Dialogue;

/// <summary>A meeting as written by the pages, the API and the demo data. Every part optional, so a missing one gets a message naming it.</summary>
public sealed record DialogueMeetingInput(
    string? Kind,
    DateOnly? Date,
    string? Place,
    string? Municipality,
    string? Title,
    IReadOnlyList<string>? Organizations,
    IReadOnlyList<ParticipantInput>? People,
    IReadOnlyList<AgendaItemInput>? Agenda,
    string? Notes,
    IReadOnlyList<DecisionInput>? Decisions)
{
    /// <summary>JSON may put null in any list; an entry that is null was not sent.</summary>
    public DialogueMeetingInput WithoutNullEntries() => this with
    {
        Organizations = Organizations?.OfType<string>().ToList(),
        People = People?.OfType<ParticipantInput>().ToList(),
        Agenda = Agenda?.OfType<AgendaItemInput>().ToList(),
        Decisions = Decisions?.OfType<DecisionInput>().ToList(),
    };
}

public sealed record ParticipantInput(string? Name, string? Role, string? Organization);

public sealed record AgendaItemInput(string? Title, string? Notes);

/// <summary>A decision as sent; <see cref="Id"/> is given back for a decision that already exists, so links to it stay.</summary>
public sealed record DecisionInput(Guid? Id, string? Text, IReadOnlyList<Guid>? Commitments, IReadOnlyList<Guid>? Goals);

public sealed record DialogueMeetingSummary(
    Guid Id, string Kind, string KindName, string Title, DateOnly Date, string? Place, OrganizationRef? Municipality, string Status,
    string StatusName, int Revision, int AgendaItems, int Decisions);

public sealed record DialogueMeetingView(
    Guid Id,
    OrganizationRef Region,
    string Kind,
    string KindName,
    string Title,
    DateOnly Date,
    string? Place,
    OrganizationRef? Municipality,
    string Status,
    string StatusName,
    int Version,
    int Revision,
    IReadOnlyList<OrganizationRef> Organizations,
    IReadOnlyList<ParticipantView> People,
    IReadOnlyList<AgendaItemView> Agenda,
    string? Notes,
    IReadOnlyList<DecisionView> Decisions,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime UpdatedAt,
    string UpdatedBy,
    DateTime? ApprovedAt,
    string? ApprovedBy,
    IReadOnlyList<RevisionSummary> Revisions,
    bool CanEdit,
    int? ShownRevision)
{
    /// <summary>Whether an edit now makes a new revision, and so needs a note saying why.</summary>
    public bool EditNeedsNote => Status == MinutesStatuses.Approved;
}

public sealed record ParticipantView(string Name, string? Role, OrganizationRef? Organization);

public sealed record AgendaItemView(int Number, string Title, string? Notes);

public sealed record DecisionView(Guid Id, int Number, string Text, IReadOnlyList<LinkedCommitment> Commitments, IReadOnlyList<LinkedGoal> Goals);

public sealed record LinkedCommitment(Guid Id, Guid AgreementId, string AgreementTitle, string Text);

public sealed record LinkedGoal(Guid Id, Guid PlanId, string PlanTitle, string Title);

public sealed record RevisionSummary(int Number, string Kind, DateTime At, string By, string? OrganizationCode, string? Note);

/// <summary>What a meeting's decisions may be linked to: the commitments of signed agreements and the goals of adopted plans.</summary>
public sealed record DialogueLinkChoices(IReadOnlyList<AgreementChoice> Agreements, IReadOnlyList<PlanChoice> Plans);

public sealed record AgreementChoice(Guid Id, string Title, IReadOnlyList<CommitmentChoice> Commitments);

public sealed record CommitmentChoice(Guid Id, string Section, string Text);

public sealed record PlanChoice(Guid Id, string Title, IReadOnlyList<GoalChoice> Goals);

public sealed record GoalChoice(Guid Id, string Title, int Depth);
