namespace Samverkan.FollowUp;

/// <summary>
/// A region's yearly follow-up (uppföljning) of the agreements of one culture plan. Which agreements and
/// commitments it covers is worked out from the agreements in force while the round is open, and frozen
/// into <see cref="FollowUpRoundAgreement"/> rows when it closes (docs/decisions/0010-follow-up-model.md).
/// </summary>
public sealed class FollowUpRound
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RegionId { get; set; }
    public Guid PlanId { get; set; }

    /// <summary>The calendar year being followed up (within the plan's years).</summary>
    public int Year { get; set; }

    /// <summary>The day answers are asked for. Soft: later answers are accepted while the round is open, and shown as late.</summary>
    public DateOnly Deadline { get; set; }

    public string? Instructions { get; set; }

    /// <summary>open or closed (<see cref="RoundStatuses"/>).</summary>
    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }

    /// <summary>Concurrency token: closing twice at once fails for one of the two.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>Which version of which agreement a closed round followed up, so later amendments do not rewrite past rounds.</summary>
public sealed class FollowUpRoundAgreement
{
    public Guid RoundId { get; set; }
    public Guid AgreementId { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One committing party's answer for one commitment in one round. A joint commitment has one entry per
/// committing party. Every change is kept as a <see cref="FollowUpEntryRevision"/>.
/// </summary>
public sealed class FollowUpEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid AgreementId { get; set; }

    /// <summary>The commitment's id, stable across the agreement's versions (<see cref="Agreements.CommitmentRecord.Id"/>).</summary>
    public Guid CommitmentId { get; set; }

    /// <summary>The committing party that answers.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>not-started, ongoing, done, changed or cancelled (<see cref="EntryStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>0–100 where a share makes sense; null where it does not (a yes/no commitment, a cancelled one).</summary>
    public int? Progress { get; set; }

    public string? Narrative { get; set; }
    public List<FollowUpIndicatorValue> Indicators { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public required string UpdatedByName { get; set; }

    /// <summary>Incremented on every change (also evidence added or removed); clients send it back to detect stale edits.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>A measured value reported with an entry ("Föreställningar för barn och unga: 7 st").</summary>
public sealed class FollowUpIndicatorValue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public decimal Value { get; set; }
    public string? Unit { get; set; }
}

/// <summary>One change to an entry, written in the same transaction: who, when, and the entry before and after as JSON.</summary>
public sealed class FollowUpEntryRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public Guid RoundId { get; set; }
    public Guid AgreementId { get; set; }
    public Guid CommitmentId { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The entry's version after this change.</summary>
    public int Version { get; set; }

    /// <summary>created, updated, evidence-added or evidence-removed (<see cref="RevisionKinds"/>).</summary>
    public required string Kind { get; set; }

    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? OrganizationCode { get; set; }

    /// <summary><see cref="EntrySnapshot"/> as JSON; null when the entry was created.</summary>
    public string? Before { get; set; }

    public required string After { get; set; }
}

/// <summary>One party's answer for one agreement in one round, as a whole: submitted by the party, reviewed by the region.</summary>
public sealed class FollowUpSubmission
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid AgreementId { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>draft, submitted, accepted or returned (<see cref="SubmissionStatuses"/>).</summary>
    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string? SubmittedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public string? ReviewedByName { get; set; }
    public string? ReviewComment { get; set; }

    /// <summary>
    /// Concurrency token, bumped by every entry save as well as by submit and review: an entry saved while
    /// the party submits (or the region reviews) makes one of the two fail instead of slipping past the lock.
    /// </summary>
    public int Version { get; set; } = 1;
}

/// <summary>What happened to a submission: submitted, returned (with the region's comment) or accepted. For the timeline.</summary>
public sealed class FollowUpSubmissionEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; set; }

    /// <summary>submitted, returned or accepted.</summary>
    public required string Kind { get; set; }

    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? OrganizationCode { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// A file that backs up an entry (a programme, a photo, a spreadsheet). The bytes live outside the database and
/// the web root, in an <see cref="IEvidenceStore"/>, under a key derived from their SHA-256.
/// </summary>
public sealed class EvidenceFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public required string FileName { get; set; }

    /// <summary>Worked out from the checked content, never taken from the uploader.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }

    /// <summary>Removed from the entry; the row and the bytes stay, so earlier revisions can still be checked.</summary>
    public DateTime? RemovedAt { get; set; }

    public string? RemovedByName { get; set; }
}

public static class RoundStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>How far a commitment has come, as its committing party says.</summary>
public static class EntryStatuses
{
    public const string NotStarted = "not-started";
    public const string Ongoing = "ongoing";
    public const string Done = "done";

    /// <summary>Carried out in another form than the agreement says; the narrative tells how.</summary>
    public const string Changed = "changed";

    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [NotStarted, Ongoing, Done, Changed, Cancelled];

    public static string SwedishName(string status) => status switch
    {
        NotStarted => "Ej påbörjat",
        Ongoing => "Pågår",
        Done => "Genomfört",
        Changed => "Ändrat",
        Cancelled => "Inställt",
        _ => status,
    };
}

public static class SubmissionStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string Returned = "returned";

    /// <summary>The party's entries are locked while the region has them, and after it accepted them.</summary>
    public static bool Locks(string status) => status is Submitted or Accepted;

    public static string SwedishName(string status) => status switch
    {
        Draft => "Utkast",
        Submitted => "Inskickad",
        Accepted => "Godkänd",
        Returned => "Återsänd",
        _ => status,
    };
}

public static class RevisionKinds
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string EvidenceAdded = "evidence-added";
    public const string EvidenceRemoved = "evidence-removed";
}
