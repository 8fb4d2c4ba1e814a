using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Samverkan.Cli.Commands.Accounts;
using Samverkan.Cli.Commands.Agreements;
using Samverkan.Cli.Commands.Audit;
using Samverkan.Cli.Commands.Backup;
using Samverkan.Cli.Commands.Database;
using Samverkan.Cli.Commands.FollowUp;

namespace Samverkan.Cli;

/// <summary>
/// The whole CLI as a function of arguments, streams and settings, so tests run it in-process exactly
/// as <c>Program</c> does with the console.
/// </summary>
public static class CliApp
{
    /// <param name="settings">Configuration that wins over appsettings.json and environment variables (tests use it).</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken ct = default)
    {
        var cli = new CliContext(stdin, stdout, stderr, settings);
        var parsed = BuildCommands(cli).Parse(args);
        // System.CommandLine reports parse errors with exit code 1; scripts need them apart from failed work.
        if (parsed.Action is ParseErrorAction) return CliResult.ParseErrors(parsed, stderr);

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, ct);
    }

    /// <summary>
    /// The command table, one line per business area (folders under Commands/).
    /// </summary>
    public static Command BuildCommands(CliContext cli) =>
        // A plain Command rather than RootCommand: RootCommand names itself after the executable
        // (Samverkan.Cli, testhost), while help and messages should say what people type.
        new(CliResult.ProgramName, "Samverkan – kommandon för drift och administration.")
        {
            new HelpOption(),
            new VersionOption(),
            MigrateCommand.Create(cli),
            SeedCommand.Create(cli),
            UsersCommand.Create(cli),
            TokensCommand.Create(cli),
            AgreementsCommand.Create(cli),
            FollowUpCommand.Create(cli),
            AuditCommand.Create(cli),
            BackupCommands.Backup(cli),
            BackupCommands.Restore(cli),
        };
}
