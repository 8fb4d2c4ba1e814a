using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;

namespace Samverkan.Cli.Commands.Accounts;

/// <summary><c>samverkan users add</c>: how the first accounts of an installation come to exist.</summary>
internal static class UsersCommand
{
    public static Command Create(CliContext cli) =>
        new("users", "Hanterar användarkonton.") { Add(cli) };

    private static Command Add(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-postadress; blir också inloggningsnamnet.", Required = true };
        var name = new Option<string>("--name") { Description = "För- och efternamn som visas i tjänsten.", Required = true };
        var organization = new Option<string>("--organization")
        {
            Description = "Organisationens kod, t.ex. 20 för Region Dalarna eller 2080 för Falu kommun.",
            Required = true,
        };
        var role = new Option<string>("--role") { Description = $"Roll: {string.Join(", ", Roles.All)}.", Required = true };
        var title = new Option<string?>("--title") { Description = "Titel, t.ex. kulturstrateg." };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Läs lösenordet från första raden på standard in. Utan flaggan skapas ett lösenord som visas en gång.",
        };

        var command = new Command("add", "Skapar ett konto med en roll för en organisation.")
        {
            email, name, organization, role, title, passwordStdin,
        };
        command.SetAction(async (parsed, ct) =>
        {
            string? password = null;
            if (parsed.GetValue(passwordStdin))
            {
                password = await cli.ReadSecretLineAsync("Lösenord: ", ct);
                if (password is null)
                    return CliResult.Fail(cli.Error, Error.Validation(
                        "user.password-missing", "--password-stdin angavs men standard in innehöll inget lösenord.", "password"));
            }

            var input = new AddUserCommand(
                parsed.GetRequiredValue(email),
                parsed.GetRequiredValue(name),
                parsed.GetRequiredValue(organization),
                parsed.GetRequiredValue(role),
                password,
                parsed.GetValue(title));

            return await cli.RunAsync(async (services, ct) =>
                CliResult.Map(cli.Error, await services.GetRequiredService<AddUser>().ExecuteAsync(input, ct), added =>
                {
                    cli.Out.WriteLine($"Kontot {added.Email} är skapat. Id: {added.Id}");
                    if (added.GeneratedPassword is not null)
                        cli.Out.WriteLine($"Lösenord (visas bara nu, lämna det säkert till användaren): {added.GeneratedPassword}");
                    return CliResult.Success;
                }), ct);
        });
        return command;
    }
}
