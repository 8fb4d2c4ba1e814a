namespace Samverkan.Agreements;

/// <summary>
/// An agreement between two or more public bodies. Its text lives in immutable <see cref="AgreementVersion"/>s;
/// this row holds where the agreement stands and copies of the latest version's headline fields for lists.
/// </summary>
public sealed class Agreement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }

    /// <summary>The region whose agreement this is (lists, templates and region staff's access go by it).</summary>
    public Guid RegionId { get; set; }

    public Guid? PlanId { get; set; }
    public Guid? TemplateId { get; set; }

    /// <summary>draft, negotiation, agreed, signed or withdrawn; active and expired are derived from the period.</summary>
    public required string Status { get; set; }

    /// <summary>The latest version's number; also the concurrency token for edits.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>The version both parties approved, while agreed or being signed.</summary>
    public int? AgreedVersion { get; set; }

    /// <summary>The signed version in force; stays while an amendment is negotiated.</summary>
    public int? SignedVersion { get; set; }

    public required string Title { get; set; }
    public string? Reference { get; set; }
    public DateOnly? Date { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AgreementParty> Parties { get; set; } = [];
}

public sealed class AgreementParty
{
    public Guid AgreementId { get; set; }
    public Guid OrganizationId { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>One saved state of an agreement's text. Never changed after it is written.</summary>
public sealed class AgreementVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; set; }
    public int Number { get; set; }

    /// <summary>The canonical JSON (without status and signing data), exactly as hashed.</summary>
    public required string ContentJson { get; set; }

    /// <summary>SHA-256 of <see cref="ContentJson"/> as lowercase hex.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public string? CreatedByOrganizationCode { get; set; }
    public string? Note { get; set; }
}

/// <summary>A commitment of the latest and the signed version, kept as rows so they can be compared and followed up.</summary>
public sealed class CommitmentRecord
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public int Version { get; set; }
    public int SortOrder { get; set; }
    public required string SectionHeading { get; set; }
    public required string Text { get; set; }

    /// <summary>Party codes separated by commas (joint when more than one).</summary>
    public required string PartyCodes { get; set; }

    /// <summary>Plan and municipal goal ids separated by commas.</summary>
    public string GoalIds { get; set; } = "";

    public string? Indicator { get; set; }
    public string? Target { get; set; }
    public DateOnly? Due { get; set; }
}

/// <summary>One party's approval of one exact version. Two parties approving the same version make it agreed.</summary>
public sealed class AgreementApproval
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; set; }
    public int Version { get; set; }
    public Guid OrganizationId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>A party's signature on the agreed version, made electronically by the signatory or recorded from paper.</summary>
public sealed class AgreementSignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; set; }
    public int Version { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public string? Place { get; set; }
    public DateOnly? Date { get; set; }

    /// <summary>"electronic" (the signed-in signatory) or "paper" (recorded by an officer).</summary>
    public required string Method { get; set; }

    public required string Provider { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; }
    public required string VersionHash { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>A comment in the negotiation, on the whole agreement or on one part of it.</summary>
public sealed class AgreementComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; set; }
    public int Version { get; set; }

    /// <summary>Which part: "", "sections[1]", "sections[1].items[0]", or "commitment:&lt;id&gt;".</summary>
    public string Target { get; set; } = "";

    public Guid OrganizationId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
    public bool Resolved { get; set; }
}

/// <summary>A proposed change to one part's text, answered by the other party.</summary>
public sealed class AgreementProposal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; set; }
    public int BaseVersion { get; set; }
    public required string Target { get; set; }
    public required string ProposedText { get; set; }
    public string? Reason { get; set; }
    public Guid OrganizationId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; }

    /// <summary>open, accepted or rejected.</summary>
    public string Status { get; set; } = "open";

    public string? AnsweredByName { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public int? ResultVersion { get; set; }
}
