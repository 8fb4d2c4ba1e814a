using Microsoft.AspNetCore.Identity;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Organizations;

namespace Samverkan.Seeding;

/// <summary>A demo sign-in: one role for one organization, named by its code. The people are fictional.</summary>
public sealed record DemoAccount(string Email, string Name, string Title, string Role, string OrganizationCode);

/// <summary>One account per role, so every part of the system can be tried out. All share <see cref="Password"/>.</summary>
public static class DemoAccounts
{
    /// <summary>Public on purpose: demo databases only, never a production database.</summary>
    public const string Password = "samverkan-demo";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("region-admin@demo.example", "Ingrid Backlund", "Systemförvaltare", Roles.RegionAdmin, DemoSeeder.RegionCode),
        new("region-officer@demo.example", "Maja Ersson", "Samverkansstrateg", Roles.RegionOfficer, DemoSeeder.RegionCode),
        new("smedjebacken@demo.example", "Anna Lindberg", "Kultur- och bibliotekschef", Roles.MunicipalityOfficer, "2061"),
        new("mora@demo.example", "Johan Morin", "Kultursamordnare", Roles.MunicipalityOfficer, "2062"),
        new("dalateatern@demo.example", "Lena Falk", "Turnéansvarig", Roles.InstitutionReporter, "dalateatern"),
        new("viewer@demo.example", "Elin Hedlund", "Kommunikatör", Roles.Viewer, DemoSeeder.RegionCode),
    ];

    internal static async Task CreateAsync(UserManager<User> users, IReadOnlyDictionary<string, Organization> organizations)
    {
        // PBKDF2 is slow by design and every test database is seeded; the accounts share one published password,
        // so it is checked against the policy and hashed once instead of once per account.
        string? passwordHash = null;
        foreach (var account in All)
        {
            var user = new User
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                Title = account.Title,
                OrganizationId = organizations[account.OrganizationCode].Id,
                Role = account.Role,
            };
            if (passwordHash is null)
            {
                foreach (var validator in users.PasswordValidators)
                    Ensure(account, await validator.ValidateAsync(users, user, Password));
                passwordHash = users.PasswordHasher.HashPassword(user, Password);
            }
            user.PasswordHash = passwordHash;
            Ensure(account, await users.CreateAsync(user));
        }
    }

    private static void Ensure(DemoAccount account, IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo account {account.Email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
