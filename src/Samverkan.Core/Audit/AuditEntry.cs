namespace Samverkan.Audit;

/// <summary>
/// One change to one entity. Written in the same transaction as the change itself by
/// <see cref="AuditInterceptor"/>; never updated or deleted by the application. Each entry is chained
/// to the one before it (<see cref="AuditChain"/>), so an edit, deletion or reordering made directly in
/// the database shows up in <c>samverkan audit verify</c>.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>
    /// Position in the chain, 1, 2, 3, … without gaps. Null only for rows written before the chain existed
    /// and not yet sealed by <c>samverkan migrate</c>.
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>Microsecond precision, the finest both providers store, so the hash survives a round trip.</summary>
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public string? ActorOrganizationCode { get; set; }
    public required string Channel { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>created, updated or deleted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object of the changed properties before the change (null when created).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties after the change (null when deleted).</summary>
    public string? After { get; set; }

    /// <summary>The <see cref="Hash"/> of the entry before this one (64 zeros for the first).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (lowercase hex) over this entry's fields and <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; set; }
}
