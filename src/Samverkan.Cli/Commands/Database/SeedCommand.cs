using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Seeding;

namespace Samverkan.Cli.Commands.Database;

/// <summary>
/// <c>samverkan seed --demo</c>: fills an empty installation with the Dalarna demo data. The hidden
/// <c>--national-scale</c> adds a whole country's generated agreements for benchmarks (scripts/benchmark-agreements).
/// </summary>
internal static class SeedCommand
{
    public static Command Create(CliContext cli)
    {
        var demo = new Option<bool>("--demo") { Description = "Lägg in demodata för Region Dalarna. Görs bara en gång." };
        // Hidden: generated test data for benchmarks has no place in a real installation, so help does not offer it.
        var nationalScale = new Option<bool>("--national-scale")
        {
            Description = "Lägg in genererade överenskommelser för hela landet (för prestandamätningar).", Hidden = true,
        };
        var scale = new Option<double>("--scale")
        {
            Description = "Andel av landets 290 kommuner för --national-scale (0–1).", Hidden = true, DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("seed", "Lägger in exempeldata. Referensdata läses in av 'migrate', inte här.") { demo, nationalScale, scale };
        command.SetAction((parsed, ct) =>
        {
            var withDemo = parsed.GetValue(demo);
            var withNational = parsed.GetValue(nationalScale);
            var factor = parsed.GetValue(scale);
            // Only one documented data set exists today; requiring the flag keeps `seed` free for others later
            // without changing what a bare `seed` means in existing scripts.
            if (!withDemo && !withNational)
                return Task.FromResult(CliResult.Fail(cli.Error, Error.Validation(
                    "seed.dataset-required", "Ange --demo; demodata för Region Dalarna är den enda exempeldata som finns.")));
            if (factor is <= 0 or > 1 || double.IsNaN(factor))
                return Task.FromResult(CliResult.Fail(cli.Error, Error.Validation("seed.scale-invalid", "--scale måste vara större än 0 och högst 1.", "scale")));

            return cli.RunAsync(async (services, ct) =>
            {
                var migrator = services.GetRequiredService<DatabaseMigrator>();
                var pending = await migrator.PendingMigrationsAsync(ct);
                if (pending.Count > 0)
                    return CliResult.Fail(cli.Error, Error.Conflict(
                        "database.migrations-pending",
                        $"Databasen saknar {pending.Count} {(pending.Count == 1 ? "migrering" : "migreringar")}; kör 'samverkan migrate' först."));

                if (withDemo)
                {
                    var added = await migrator.SeedDemoAsync(ct);
                    cli.Out.WriteLine(added ? "Demodata är inlagd." : "Demodata finns redan; inget har ändrats.");
                }
                if (withNational)
                {
                    var db = services.GetRequiredService<SamverkanDb>();
                    var options = NationalScaleOptions.Scaled(factor);
                    if (await NationalScaleData.IsPresentAsync(db, options, ct))
                    {
                        cli.Out.WriteLine("Testdata för hela landet finns redan; inget har ändrats.");
                        return CliResult.Success;
                    }
                    var summary = await NationalScaleData.FillAsync(db, options, ct);
                    cli.Out.WriteLine($"Testdata för hela landet är inlagd: {summary.Agreements} överenskommelser, {summary.Versions} versioner, " +
                        $"{summary.Commitments} åtaganden, {summary.Plans} planer ({summary.Elapsed.TotalSeconds:0.0} s).");
                }
                return CliResult.Success;
            }, ct);
        });
        return command;
    }
}
