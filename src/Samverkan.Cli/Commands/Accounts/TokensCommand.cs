using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;

namespace Samverkan.Cli.Commands.Accounts;

/// <summary><c>samverkan tokens create|revoke</c>: API keys for integrations, issued by the operator.</summary>
internal static class TokensCommand
{
    public static Command Create(CliContext cli) =>
        new("tokens", "Hanterar API-nycklar.") { CreateToken(cli), Revoke(cli) };

    private static Command CreateToken(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-postadress för kontot som nyckeln ska höra till.", Required = true };
        var name = new Option<string?>("--name") { Description = "Vad nyckeln används till, t.ex. \"Ekonomisystemet\"." };
        var command = new Command("create", "Skapar en API-nyckel. Nyckeln skrivs ensam på standard ut: TOKEN=$(samverkan tokens create --email …).")
        {
            email, name,
        };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<CreateApiToken>()
                .ExecuteAsync(parsed.GetRequiredValue(email), parsed.GetValue(name), ct);
            return CliResult.Map(cli.Error, result, created =>
            {
                // Only the token on stdout, so command substitution captures exactly the token.
                cli.Out.WriteLine(created.Token);
                cli.Error.WriteLine($"Nyckeln visas bara denna gång; spara den nu. Id (för 'tokens revoke'): {created.Id}");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }

    private static Command Revoke(CliContext cli)
    {
        var id = new Option<Guid>("--id") { Description = "Nyckelns id, som visades när den skapades.", Required = true };
        var command = new Command("revoke", "Återkallar en API-nyckel direkt.") { id };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var tokenId = parsed.GetValue(id);
            var result = await services.GetRequiredService<RevokeApiToken>().ExecuteAsync(tokenId, ct);
            return CliResult.Map(cli.Error, result, _ =>
            {
                cli.Out.WriteLine($"Nyckeln {tokenId} är återkallad.");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }
}
