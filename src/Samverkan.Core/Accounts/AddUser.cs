using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Accounts;

public sealed record AddUserCommand(string Email, string Name, string OrganizationCode, string Role, string? Password = null, string? Title = null);

/// <param name="GeneratedPassword">Set when no password was given: shown once, never stored in clear.</param>
public sealed record AddedUser(string Id, string Email, string? GeneratedPassword);

/// <summary>
/// Creates an account holding one role for one organization. The operator (CLI) may add anyone; a region
/// admin may add accounts for the region and for organizations in its county.
/// </summary>
public sealed class AddUser(SamverkanDb db, UserManager<User> users, ActorContext actors) : IUseCase
{
    public async Task<Result<AddedUser>> ExecuteAsync(AddUserCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        if (!IsEmail(command.Email)) return Error.Validation("user.email-invalid", $"'{command.Email}' är inte en giltig e-postadress.", "email");
        if (string.IsNullOrWhiteSpace(command.Name)) return Error.Validation("user.name-required", "Namnet får inte vara tomt.", "name");
        if (!Roles.IsKnown(command.Role))
            return Error.Validation("user.role-invalid", $"Okänd roll '{command.Role}'. Möjliga: {string.Join(", ", Roles.All)}.", "role");
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == command.OrganizationCode, ct);
        if (org is null) return Error.NotFound("organization.not-found", $"Det finns ingen organisation med kod {command.OrganizationCode}.");
        if (!RoleFits(command.Role, org.Kind))
            return Error.Validation("user.role-mismatch", $"Rollen {command.Role} kan inte ges för en organisation av typen {org.Kind.ToCode()}.", "role");
        var allowed = actor.IsOperator
            || (actor.Role == Roles.RegionAdmin && actor.OrganizationKind == OrganizationKind.Region && actor.CountyCode == org.CountyCode);
        if (actor.Require(allowed) is { } denied) return denied;
        if (await users.FindByEmailAsync(command.Email) is not null)
            return Error.Conflict("user.duplicate", $"Det finns redan ett konto med e-postadressen {command.Email}.");

        var generated = command.Password is null ? NewPassword() : null;
        var user = new User
        {
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = command.Name.Trim(),
            OrganizationId = org.Id,
            Role = command.Role,
            Title = command.Title?.Trim(),
        };
        var created = await users.CreateAsync(user, command.Password ?? generated!);
        if (!created.Succeeded)
        {
            var first = created.Errors.First();
            return first.Code.StartsWith("Password", StringComparison.Ordinal)
                ? Error.Validation("user.password-weak", "Lösenordet måste ha minst 10 tecken.", "password")
                : first.Code.StartsWith("Duplicate", StringComparison.Ordinal)
                    ? Error.Conflict("user.duplicate", $"Det finns redan ett konto med e-postadressen {command.Email}.")
                    : Error.Validation("user.invalid", first.Description);
        }
        return new AddedUser(user.Id, user.Email!, generated);
    }

    public static bool RoleFits(string role, OrganizationKind kind) => role switch
    {
        Roles.RegionAdmin or Roles.RegionOfficer => kind == OrganizationKind.Region,
        Roles.MunicipalityOfficer => kind == OrganizationKind.Municipality,
        Roles.InstitutionReporter => kind is OrganizationKind.Institution or OrganizationKind.Organizer,
        Roles.Viewer => true,
        _ => false,
    };

    private static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 200) return false;
        try
        {
            var parsed = new MailAddress(email.Trim());
            return parsed.Address == email.Trim() && parsed.Host.Contains('.');
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'k').Replace('/', 'm');
}
