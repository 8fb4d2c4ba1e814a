using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Audit;

namespace Samverkan.Cli.Commands.Audit;

/// <summary><c>samverkan audit verify</c>: recomputes the audit log's hash chain.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext cli) =>
        new("audit", "Ändringsloggen.") { Verify(cli) };

    private static Command Verify(CliContext cli)
    {
        var command = new Command("verify",
            "Kontrollerar att ändringsloggen är obruten: inga poster ändrade, borttagna eller omflyttade direkt i databasen. " +
            "Slutkod 0 när kedjan är hel, 1 när den är bruten (första brutna posten skrivs på stderr).");
        command.SetAction((_, ct) => cli.RunAsync(async (services, ct) =>
            CliResult.Map(cli.Error, await services.GetRequiredService<VerifyAuditChain>().ExecuteAsync(ct), report =>
            {
                if (report.FirstBreak is { } broken)
                {
                    cli.Error.WriteLine($"{CliResult.ProgramName}: ändringsloggen är bruten vid post {broken.EntryId}" +
                        $"{(broken.Sequence is { } sequence ? $" (löpnummer {sequence})" : "")}: {broken.Reason} (audit.chain-broken)");
                    cli.Error.WriteLine($"{report.HeadSequence} {(report.HeadSequence == 1 ? "post" : "poster")} före den är obrutna.");
                    return CliResult.Failure;
                }
                cli.Out.WriteLine($"{report.Entries} {(report.Entries == 1 ? "post" : "poster")}, kedjan är obruten.");
                // The head is what an operator records elsewhere: a later check can then also tell a cut-off end.
                cli.Out.WriteLine($"Senaste: löpnummer {report.HeadSequence}, hash {report.HeadHash}");
                return CliResult.Success;
            }), ct));
        return command;
    }
}
