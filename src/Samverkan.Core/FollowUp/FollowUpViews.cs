using Samverkan.Plans;

namespace Samverkan.FollowUp;

public sealed record PlanRef(Guid Id, string Title, int StartYear, int EndYear);

public sealed record RoundRef(Guid Id, int Year, DateOnly Deadline, string Status, string? Instructions);

public sealed record AgreementRef(Guid Id, string Title, int Version);

/// <summary>How many answers a round (or one agreement in it) has: parties that owe a submission, and where those stand.</summary>
public sealed record SubmissionCounts(int Expected, int Draft, int Submitted, int Returned, int Accepted);

public sealed record FollowUpRoundSummary(
    Guid Id, OrganizationRef Region, PlanRef Plan, int Year, DateOnly Deadline, string Status, DateTime CreatedAt, string CreatedBy,
    int Agreements, SubmissionCounts Submissions);

/// <param name="CanReview">Whether the caller reviews submissions in this round (the region's own staff).</param>
public sealed record FollowUpRoundView(
    Guid Id, OrganizationRef Region, PlanRef Plan, int Year, DateOnly Deadline, string Status, string? Instructions,
    DateTime CreatedAt, string CreatedBy, DateTime? ClosedAt, string? ClosedBy,
    bool CanReview,
    SubmissionCounts Submissions,
    IReadOnlyList<RoundAgreementView> Agreements);

public sealed record RoundAgreementView(Guid AgreementId, string Title, string Kind, int Version, IReadOnlyList<OrganizationRef> Parties,
    int Commitments, IReadOnlyList<PartyProgressView> Submissions);

/// <summary>
/// One committing party's answer for one agreement: the submission's status ("draft" also when nothing is saved
/// yet, then <see cref="SubmissionId"/> is null) and how many of its commitments have an entry, by status.
/// </summary>
public sealed record PartyProgressView(
    OrganizationRef Party, Guid? SubmissionId, string Status, int Commitments, int Entries, IReadOnlyDictionary<string, int> ByStatus,
    DateTime? SubmittedAt, bool Late, DateTime? ReviewedAt, string? ReviewComment);

public sealed record IndicatorValue(string Name, decimal Value, string? Unit);

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string UploadedBy, string Url);

public sealed record EntryView(
    Guid Id, OrganizationRef Party, string Status, int? Progress, string? Narrative, IReadOnlyList<IndicatorValue> Indicators,
    IReadOnlyList<EvidenceView> Evidence, int Version, DateTime UpdatedAt, string UpdatedBy);

/// <summary>A commitment on a party's form: its own entry (null until saved) and, for a joint one, the other parties' entries.</summary>
public sealed record FormCommitmentView(
    Guid CommitmentId, string Section, string Text, IReadOnlyList<OrganizationRef> Parties, bool Joint, string? Indicator, string? Target,
    DateOnly? Due, EntryView? Entry, IReadOnlyList<EntryView> OtherParties);

public sealed record SubmissionEventView(string Kind, DateTime At, string By, string? Comment);

public sealed record SubmissionView(
    Guid? Id, Guid RoundId, Guid AgreementId, OrganizationRef Party, string Status, DateTime? SubmittedAt, string? SubmittedBy, bool Late,
    DateTime? ReviewedAt, string? ReviewedBy, string? ReviewComment, IReadOnlyList<SubmissionEventView> Events);

/// <param name="CanEdit">Whether the caller may change the entries now (an officer of the party, round open, not submitted or accepted).</param>
/// <param name="CanSubmit">Whether the caller may submit now (as <paramref name="CanEdit"/>, and every commitment has an entry).</param>
public sealed record FollowUpFormView(
    RoundRef Round, AgreementRef Agreement, OrganizationRef Party, SubmissionView Submission,
    bool CanEdit,
    bool CanSubmit,
    IReadOnlyList<FormCommitmentView> Commitments);

public sealed record EvidenceRef(Guid Id, string FileName, string Sha256);

/// <summary>An entry as it stood at one moment; kept as JSON in the revisions.</summary>
public sealed record EntrySnapshot(string Status, int? Progress, string? Narrative, IReadOnlyList<IndicatorValue> Indicators, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>
/// One event in a commitment's history: an entry change (<c>created</c>, <c>updated</c>, <c>evidence-added</c>,
/// <c>evidence-removed</c>, with the entry before and after) or a submission event of a committing party
/// (<c>submitted</c>, <c>returned</c> with the region's comment, <c>accepted</c>).
/// </summary>
public sealed record TimelineEvent(
    DateTime At, string Kind, Guid RoundId, int Year, OrganizationRef Party, string By, EntrySnapshot? Before, EntrySnapshot? After, string? Comment);

public sealed record CommitmentTimeline(
    Guid CommitmentId, AgreementRef Agreement, string Text, IReadOnlyList<OrganizationRef> Parties, IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<LinkedDecision> Decisions);

/// <summary>A decision of a dialogue meeting that concerns the commitment; <see cref="Approved"/> false while the minutes are a draft.</summary>
public sealed record LinkedDecision(Guid MeetingId, string MeetingTitle, DateOnly Date, bool Approved, Guid DecisionId, string Text);

public sealed record EvidenceDownload(Stream Content, string FileName, string ContentType, long Size, string Sha256);
