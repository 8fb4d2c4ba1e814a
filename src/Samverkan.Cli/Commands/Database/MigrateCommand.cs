using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Data;

namespace Samverkan.Cli.Commands.Database;

/// <summary><c>samverkan migrate</c>: the production way to create or update the schema and reference data.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Kör databasmigreringar och läser in referensdata (län, regioner, kommuner). Kan köras flera gånger.");
        command.SetAction((_, ct) => cli.RunAsync(async (services, ct) =>
        {
            var migrator = services.GetRequiredService<DatabaseMigrator>();
            cli.Out.WriteLine($"Databas: {DatabaseLabel.Describe(services.GetRequiredService<DatabaseSettings>())}");

            var pending = await migrator.PendingMigrationsAsync(ct);
            if (pending.Count == 0) cli.Out.WriteLine("Inga nya migreringar.");
            else
            {
                cli.Out.WriteLine($"Kör {pending.Count} {(pending.Count == 1 ? "migrering" : "migreringar")}:");
                foreach (var name in pending) cli.Out.WriteLine($"  {name}");
            }

            await migrator.MigrateAsync(ct);
            cli.Out.WriteLine("Referensdata är inläst.");
            cli.Out.WriteLine("Databasen är uppdaterad.");
            return CliResult.Success;
        }, ct));
        return command;
    }
}
