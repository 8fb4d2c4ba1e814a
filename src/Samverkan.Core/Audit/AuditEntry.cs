namespace Samverkan.Audit;

/// <summary>
/// One change to one entity. Written in the same transaction as the change itself by
/// <see cref="AuditInterceptor"/>; never updated or deleted by the application.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
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
}
