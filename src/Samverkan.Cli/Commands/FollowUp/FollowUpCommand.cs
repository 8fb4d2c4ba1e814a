using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.FollowUp;

namespace Samverkan.Cli.Commands.FollowUp;

/// <summary>
/// <c>samverkan follow-up export|import</c>: a party's follow-up form as CSV or Excel, out to a file and back in, with
/// the same checks as the page and the API. Writing needs an account's name (<c>--as</c>): the operator holds no
/// party's role, and the answers and their history should say whose they are.
/// </summary>
internal static class FollowUpCommand
{
    public static Command Create(CliContext cli) =>
        new("follow-up", "Uppföljning: en parts formulär som CSV eller Excel.") { Export(cli), Import(cli) };

    private static Option<Guid> Round() => new("--round") { Description = "Uppföljningsomgångens id.", Required = true };

    private static Option<string> Organization() =>
        new("--organization") { Description = "Partens organisationskod, t.ex. 2061 för Smedjebackens kommun.", Required = true };

    private static Option<string?> As() =>
        new("--as") { Description = "E-postadress till kontot som gör det; krävs för import (en handläggare hos parten)." };

    private static Command Export(CliContext cli)
    {
        var round = Round();
        var organization = Organization();
        var output = new Option<FileInfo>("--out") { Description = "Filen som ska skrivas (.csv eller .xlsx).", Required = true };
        var format = new Option<string?>("--format") { Description = "csv eller xlsx (standard: efter filändelsen i --out, annars csv)." };
        format.AcceptOnlyFromAmong(FollowUpFormFormats.All.ToArray());
        var actAs = As();
        var command = new Command("export", "Skriver en parts uppföljningsformulär för en omgång till en fil, en rad per åtagande.")
        {
            round, organization, output, format, actAs,
        };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            if (await ActAsAsync(cli, services, parsed.GetValue(actAs), ct) is { } refused) return refused;
            var file = parsed.GetRequiredValue(output);
            var chosen = parsed.GetValue(format)
                ?? (string.Equals(file.Extension, ".xlsx", StringComparison.OrdinalIgnoreCase) ? FollowUpFormFormats.Xlsx : FollowUpFormFormats.Csv);
            var result = await services.GetRequiredService<ExportFollowUpForm>()
                .ExecuteAsync(parsed.GetValue(round), parsed.GetRequiredValue(organization), chosen, ct);
            return await CliResult.MapAsync(cli.Error, result, async form =>
            {
                // Through a temporary file, so a failure never leaves half a form behind.
                var temp = file.FullName + ".tmp";
                await File.WriteAllBytesAsync(temp, form.Content, ct);
                File.Move(temp, file.FullName, overwrite: true);
                cli.Out.WriteLine($"Skrev {file.FullName} ({form.Content.Length.ToString("N0", SwedishText.Culture)} byte, {form.MediaType}).");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var round = Round();
        var organization = Organization();
        var path = new Argument<FileInfo>("file") { Description = "Den ifyllda filen (.csv eller .xlsx; formatet avgörs av innehållet)." };
        var actAs = As();
        var command = new Command("import",
            "Läser in en parts ifyllda uppföljningsformulär. Alla rader kontrolleras först; är någon fel sparas ingenting och felen skrivs med radnummer.")
        {
            round, organization, path, actAs,
        };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var email = parsed.GetValue(actAs);
            if (await ActAsAsync(cli, services, email, ct) is { } refused) return refused;
            var file = parsed.GetRequiredValue(path);
            if (!file.Exists)
            {
                cli.Error.WriteLine($"{CliResult.ProgramName}: filen {file.FullName} finns inte.");
                return CliResult.Failure;
            }
            if (file.Length > FollowUpLimits.ImportBytes)
            {
                cli.Error.WriteLine($"{CliResult.ProgramName}: filen är för stor. En uppföljning får vara högst {FollowUpLimits.ImportBytes / (1024 * 1024)} MB.");
                return CliResult.Failure;
            }
            var code = parsed.GetRequiredValue(organization);
            var result = await services.GetRequiredService<ImportFollowUpForm>()
                .ExecuteAsync(parsed.GetValue(round), code, await File.ReadAllBytesAsync(file.FullName, ct), ct);
            if (!result.IsSuccess) return Refused(cli, result.Error!, email, code);
            var r = result.Value;
            cli.Out.WriteLine($"Läste in {file.Name}: {r.Rows} rader, {r.Changed} uppdaterade, {r.Unchanged} oförändrade, {r.Skipped} utan status lämnades som de var.");
            return CliResult.Success;
        }, ct));
        return command;
    }

    /// <summary>A file with bad lines is a failed import (exit 1), each line's error on a line of its own, so they can be fixed in one go.</summary>
    private static int Refused(CliContext cli, Error error, string? email, string code)
    {
        if (error.Extensions?.GetValueOrDefault("errors") is IEnumerable<ImportLineError> lines)
        {
            var list = lines.ToList();
            cli.Error.WriteLine($"{CliResult.ProgramName}: filen har {list.Count} fel. Inget har sparats. ({error.Code})");
            foreach (var line in list) cli.Error.WriteLine($"  {line.Message} ({line.Code})");
            return CliResult.Failure;
        }
        if (error.Kind == ErrorKind.Forbidden && email is null)
            cli.Error.WriteLine($"{CliResult.ProgramName}: ange --as med e-postadressen till en handläggare hos {code}; operatören svarar inte själv för någon part.");
        return CliResult.Fail(cli.Error, error, error.Kind == ErrorKind.Validation ? CliResult.Failure : null);
    }

    /// <summary>
    /// Acts in the named account's name for the rest of the command. The name says it went through the operator, so the
    /// entries' history and the audit log (channel cli) show both who and how.
    /// </summary>
    private static async Task<int?> ActAsAsync(CliContext cli, IServiceProvider services, string? email, CancellationToken ct)
    {
        if (email is null) return null;
        var actor = await services.GetRequiredService<ResolveActor>().ForEmailAsync(email, ct);
        if (actor is null)
        {
            cli.Error.WriteLine($"{CliResult.ProgramName}: det finns inget konto med e-postadressen {email}.");
            return CliResult.Usage;
        }
        var actors = services.GetRequiredService<ActorContext>();
        actors.Current = actor with { Name = $"{actor.Name} (via {actors.Current.Name})" };
        return null;
    }
}
