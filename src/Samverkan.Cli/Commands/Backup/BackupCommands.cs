using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Cli.Commands.Database;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Cli.Commands.Backup;

/// <summary><c>samverkan backup --out FILE</c> and <c>samverkan restore FILE [--force]</c>.</summary>
internal static class BackupCommands
{
    public static Command Backup(CliContext cli)
    {
        var output = new Option<FileInfo>("--out") { Description = "Filen att skriva. Får inte finnas.", Required = true };
        var command = new Command("backup",
            "Gör en säkerhetskopia av hela databasen medan appen är igång: SQLite med SQLites backup-API, " +
            "PostgreSQL med pg_dump (eget format, -Fc).") { output };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var settings = services.GetRequiredService<DatabaseSettings>();
            var made = await Engine(services).BackupAsync(parsed.GetRequiredValue(output).FullName, ct);
            return CliResult.Map(cli.Error, made, path =>
            {
                cli.Out.WriteLine($"Databas: {DatabaseLabel.Describe(settings)}");
                cli.Out.WriteLine($"Säkerhetskopian är skriven till {path} ({new FileInfo(path).Length.ToString("N0", SwedishText.Culture)} byte).");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }

    public static Command Restore(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "En säkerhetskopia från 'samverkan backup'." };
        var force = new Option<bool>("--force") { Description = "Skriv över en databas som redan har tabeller. Det som finns där nu försvinner." };
        var command = new Command("restore",
            "Återställer en säkerhetskopia till den inställda databasen (samma sort: SQLite eller PostgreSQL). " +
            "Vägrar skriva över en databas som har tabeller utan --force.") { file, force };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var restored = await Engine(services).RestoreAsync(parsed.GetRequiredValue(file).FullName, parsed.GetValue(force), ct);
            return CliResult.Map(cli.Error, restored, where =>
            {
                cli.Out.WriteLine($"Säkerhetskopian är återställd till {where}.");
                cli.Out.WriteLine("Kör 'samverkan migrate' om kopian kommer från en äldre version, och 'samverkan audit verify' för att kontrollera ändringsloggen.");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }

    private static DatabaseBackup Engine(IServiceProvider services) =>
        new(services.GetRequiredService<DatabaseSettings>(), services.GetRequiredService<IConfiguration>());
}
