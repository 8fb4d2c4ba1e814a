using Microsoft.AspNetCore.Identity;

namespace Samverkan.Accounts;

/// <summary>A person who signs in. Holds exactly one role for exactly one organization.</summary>
public sealed class User : IdentityUser
{
    public User() => Id = Guid.CreateVersion7().ToString();

    public required string DisplayName { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Role { get; set; }
    public string? Title { get; set; }
}

/// <summary>An API bearer token. Only a SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
