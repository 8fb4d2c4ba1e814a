using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Cli.Commands.Database;

/// <summary><c>samverkan seed --demo</c>: fills an empty installation with the Dalarna demo data.</summary>
internal static class SeedCommand
{
    public static Command Create(CliContext cli)
    {
        var demo = new Option<bool>("--demo") { Description = "Lägg in demodata för Region Dalarna. Görs bara en gång." };
        var command = new Command("seed", "Lägger in exempeldata. Referensdata läses in av 'migrate', inte här.") { demo };
        command.SetAction((parsed, ct) =>
        {
            // Only one data set exists today; requiring the flag keeps `seed` free for others later
            // without changing what a bare `seed` means in existing scripts.
            if (!parsed.GetValue(demo))
                return Task.FromResult(CliResult.Fail(cli.Error, Error.Validation(
                    "seed.dataset-required", "Ange --demo; demodata för Region Dalarna är den enda exempeldata som finns.")));

            return cli.RunAsync(async (services, ct) =>
            {
                var migrator = services.GetRequiredService<DatabaseMigrator>();
                var pending = await migrator.PendingMigrationsAsync(ct);
                if (pending.Count > 0)
                    return CliResult.Fail(cli.Error, Error.Conflict(
                        "database.migrations-pending",
                        $"Databasen saknar {pending.Count} {(pending.Count == 1 ? "migrering" : "migreringar")}; kör 'samverkan migrate' först."));

                var added = await migrator.SeedDemoAsync(ct);
                cli.Out.WriteLine(added ? "Demodata är inlagd." : "Demodata finns redan; inget har ändrats.");
                return CliResult.Success;
            }, ct);
        });
        return command;
    }
}
