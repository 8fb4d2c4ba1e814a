using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Documents;
using Samverkan.Documents.FollowUp;
using Samverkan.FollowUp;
using Samverkan.Seeding;

namespace Samverkan.FollowUpBenchmarks;

/// <summary>
/// One SQLite file in the temp folder, filled once per process: every municipality's agreement (290, all signed, 40
/// commitments each) under its region's 2027–2030 plan with four years of answers (three closed rounds, one open; nine
/// in ten accepted), and for the import Region Dalarna's fifteen agreements of 2031–2034 whose 40 commitments are all
/// joint, so the region's own form in the open 2031 round has 600 lines.
/// </summary>
public sealed class FollowUpWorld
{
    public const string RegionOfficerEmail = "bench-officer-20@example.invalid";
    private static readonly Lazy<FollowUpWorld> Shared = new(() => CreateAsync().GetAwaiter().GetResult());

    public static FollowUpWorld Instance => Shared.Value;

    public required string Folder { get; init; }
    public required ServiceProvider Services { get; init; }
    public required Guid DalarnaPlan { get; init; }
    public required IReadOnlyList<Guid> NationalPlans { get; init; }
    public required Guid DalarnaOpenRound { get; init; }
    public required IReadOnlyList<Guid> DalarnaRounds { get; init; }
    public required IReadOnlyList<Guid> NationalRounds { get; init; }
    public required IReadOnlyList<Guid> NationalOpenRounds { get; init; }
    public required IReadOnlyList<Guid> DalarnaAgreements { get; init; }
    public required IReadOnlyList<Guid> NationalAgreements { get; init; }
    public required Guid ImportRound { get; init; }
    public required Guid Region20 { get; init; }
    public required Actor RegionOfficer { get; init; }
    public required byte[][] Csv { get; init; }
    public required byte[][] Xlsx { get; init; }
    public required int ImportLines { get; init; }
    public required int Entries { get; init; }
    public required TimeSpan FillTime { get; init; }
    public required TimeSpan FirstImport { get; init; }

    /// <summary>Runs one use case as <paramref name="actor"/> in a scope of its own, as one request would.</summary>
    public async Task<T> RunAsync<TUseCase, T>(Actor actor, Func<TUseCase, Task<T>> call) where TUseCase : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actors.Current = actor;
        actors.Channel = "api";
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<T> QueryAsync<T>(Func<SamverkanDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamverkanDb>());
    }

    public void Delete()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static async Task<FollowUpWorld> CreateAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var folder = Directory.CreateTempSubdirectory("samverkan-follow-up-bench-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Samverkan"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Database:MigrateOnStart"] = "false",
            ["Evidence:Folder"] = Path.Combine(folder, "evidence"),
            ["FollowUp:Reminders:Enabled"] = "false",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSamverkanCore(configuration);
        services.AddSamverkanDocuments();
        var provider = services.BuildServiceProvider();

        var national = new NationalScaleOptions { VersionsPerAgreement = 1, SignAll = true, BatchSize = 50 };
        var joint = new NationalScaleOptions { VersionsPerAgreement = 1, SignAll = true, AllJoint = true, County = "20", StartYear = 2031 };
        int entries;
        await using (var scope = provider.CreateAsyncScope())
        {
            var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
            actors.Current = Actor.Operator("benchmark");
            actors.Channel = "cli";
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
            await NationalScaleData.FillAsync(db, national);
            entries = await NationalScaleData.FillFollowUpAsync(db, national);
            await NationalScaleData.FillAsync(db, joint);
            var added = await scope.ServiceProvider.GetRequiredService<AddUser>()
                .ExecuteAsync(new AddUserCommand(RegionOfficerEmail, "Bänkens handläggare", "20", Roles.RegionOfficer, "bench-password-123"));
            if (!added.IsSuccess) throw new InvalidOperationException(added.Error!.Message);
        }
        var fillTime = Stopwatch.GetElapsedTime(started);

        var region20 = await Query(provider, db => db.Organizations.Where(o => o.Code == "20").Select(o => o.Id).SingleAsync());
        var officer = await Scoped(provider, Actor.Operator("benchmark"), (ResolveActor resolve) => resolve.ForEmailAsync(RegionOfficerEmail)) ?? throw new InvalidOperationException();
        var plans = await Query(provider, db => db.Plans.Where(p => p.StartYear == 2027 && p.Reference!.StartsWith("TEST-")).Select(p => new { p.Id, p.RegionId, p.StartYear })
            .ToListAsync());
        var dalarnaPlan = plans.Single(p => p.RegionId == region20).Id;
        var rounds = await Query(provider, db => db.Set<FollowUpRound>().Where(r => r.Year >= 2027 && r.Year <= 2030)
            .Select(r => new { r.Id, r.PlanId, r.Year, r.Status }).ToListAsync());
        var agreements = await Query(provider, db => db.Set<Agreement>().Where(a => a.SignedVersion != null && a.PeriodFrom == new DateOnly(2027, 1, 1))
            .Select(a => new { a.Id, a.RegionId }).ToListAsync());
        var importPlan = await Query(provider, db => db.Plans.Where(p => p.StartYear == 2031 && p.RegionId == region20).Select(p => p.Id).SingleAsync());
        var opened = await Scoped(provider, officer, (OpenFollowUpRound open) =>
            open.ExecuteAsync(new OpenFollowUpRoundCommand(importPlan, 2031, new DateOnly(2032, 3, 31), "Bänkens omgång.")));
        var importRound = opened.Value.Id;

        // Two filled-in versions of the region's form, told apart by every line, so each import changes all 600 entries.
        var exported = (await Scoped(provider, officer, (ExportFollowUpForm export) => export.ExecuteAsync(importRound, "20"))).Value.Content;
        var rows = FollowUpCsv.Read(exported).Skip(1)
            .Select(r => new FollowUpCsv.Row(Guid.Parse(r.Fields[0]), Guid.Parse(r.Fields[1]), r.Fields[2], r.Fields[3], null, null, null)).ToList();
        FollowUpCsv.Row[] Filled(string status, int progress, string narrative) =>
            rows.Select((r, i) => r with { Status = status, Progress = progress, Narrative = $"{narrative} {i + 1}: arbetet följer planen, se underlaget." }).ToArray();
        var a = Filled(EntryStatuses.Ongoing, 40, "Svar A");
        var b = Filled(EntryStatuses.Done, 100, "Svar B");
        var xlsx = new FollowUpXlsx();
        var first = Stopwatch.GetTimestamp();
        var created = await Scoped(provider, officer, (ImportFollowUpForm import) => import.ExecuteAsync(importRound, "20", FollowUpCsv.Write(b)));
        var firstImport = Stopwatch.GetElapsedTime(first);
        if (!created.IsSuccess || created.Value.Changed != rows.Count) throw new InvalidOperationException($"The first import failed: {created.Error?.Message}");

        return new FollowUpWorld
        {
            Folder = folder, Services = provider, DalarnaPlan = dalarnaPlan, NationalPlans = plans.Select(p => p.Id).ToList(),
            DalarnaOpenRound = rounds.Single(r => r.PlanId == dalarnaPlan && r.Year == 2030).Id,
            DalarnaRounds = rounds.Where(r => r.PlanId == dalarnaPlan).Select(r => r.Id).ToList(),
            NationalRounds = rounds.Where(r => plans.Any(p => p.Id == r.PlanId)).Select(r => r.Id).ToList(),
            NationalOpenRounds = rounds.Where(r => plans.Any(p => p.Id == r.PlanId) && r.Year == 2030).Select(r => r.Id).ToList(),
            DalarnaAgreements = agreements.Where(x => x.RegionId == region20).Select(x => x.Id).ToList(),
            NationalAgreements = agreements.Select(x => x.Id).ToList(),
            ImportRound = importRound, Region20 = region20, RegionOfficer = officer,
            Csv = [FollowUpCsv.Write(a), FollowUpCsv.Write(b)], Xlsx = [xlsx.Write(a), xlsx.Write(b)], ImportLines = rows.Count,
            Entries = entries, FillTime = fillTime, FirstImport = firstImport,
        };
    }

    private static async Task<T> Query<T>(ServiceProvider provider, Func<SamverkanDb, Task<T>> query)
    {
        await using var scope = provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamverkanDb>());
    }

    private static async Task<T> Scoped<TUseCase, T>(ServiceProvider provider, Actor actor, Func<TUseCase, Task<T>> call) where TUseCase : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = actor;
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }
}
