using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.FollowUp;

namespace Samverkan.FollowUpBenchmarks;

/// <summary>
/// Issue #5's follow-up targets: the roll-up of a region (15 agreements × 40 commitments × 4 years) and of the whole
/// country (290 agreements), and importing a 600-line form; each beside a floor that reads the same rows with a bare
/// query and does nothing with them.
/// </summary>
[MemoryDiagnoser]
public class FollowUpBenchmarks
{
    private FollowUpWorld _world = null!;
    /// <summary>The file last imported (0 or 1), shared by every instance BenchmarkDotNet makes: the world's first import was file 1.</summary>
    private static int _imported = 1;

    [GlobalSetup]
    public void Setup() => _world = FollowUpWorld.Instance;

    [Benchmark(Description = "Region: read the plan's answers and commitments, bare (floor)")]
    public Task<int> RegionFloor() => FloorAsync(_world.DalarnaRounds, _world.DalarnaAgreements);

    [Benchmark(Description = "Region: plan progress, 4 years (GetPlanProgress)")]
    public async Task<decimal?> RegionPlanProgress() =>
        (await _world.RunAsync(Actor.Anonymous, (GetPlanProgress get) => get.ExecuteAsync(_world.DalarnaPlan))).Value.Rounds[^1].Total.Progress;

    [Benchmark(Description = "Region: one year's round progress (GetRoundProgress)")]
    public async Task<decimal?> RegionRoundProgress() =>
        (await _world.RunAsync(Actor.Anonymous, (GetRoundProgress get) => get.ExecuteAsync(_world.DalarnaOpenRound))).Value.Total.Progress;

    [Benchmark(Description = "Country: read every plan's answers and commitments, bare (floor)")]
    public Task<int> NationalFloor() => FloorAsync(_world.NationalRounds, _world.NationalAgreements);

    [Benchmark(Description = "Country: every region's plan progress, 4 years (21 × GetPlanProgress)")]
    public async Task<decimal> NationalPlanProgress()
    {
        var sum = 0m;
        foreach (var plan in _world.NationalPlans)
            sum += (await _world.RunAsync(Actor.Anonymous, (GetPlanProgress get) => get.ExecuteAsync(plan))).Value.Rounds[^1].Total.CountedWeight;
        return sum;
    }

    [Benchmark(Description = "Country: read the latest rounds' answers and the commitments, bare (floor)")]
    public Task<int> NationalLatestFloor() => FloorAsync(_world.NationalOpenRounds, _world.NationalAgreements);

    [Benchmark(Description = "Country: every region's latest round (21 × GetRoundProgress)")]
    public async Task<decimal> NationalRoundProgress()
    {
        var sum = 0m;
        foreach (var round in _world.NationalOpenRounds)
            sum += (await _world.RunAsync(Actor.Anonymous, (GetRoundProgress get) => get.ExecuteAsync(round))).Value.Total.CountedWeight;
        return sum;
    }

    [Benchmark(Description = "Import: parse the 600-line CSV and read its entries (floor)")]
    public async Task<int> ImportFloor()
    {
        var records = FollowUpCsv.Read(_world.Csv[0]);
        var entries = await _world.QueryAsync(db => db.Set<FollowUpEntry>().AsNoTracking()
            .Where(e => e.RoundId == _world.ImportRound && e.OrganizationId == _world.Region20).ToListAsync());
        return records.Count + entries.Count;
    }

    [Benchmark(Description = "Import: a 600-line CSV, every line changed (ImportFollowUpForm)")]
    public Task<int> ImportCsv() => ImportAsync(_world.Csv);

    [Benchmark(Description = "Import: the same 600 lines as .xlsx (ImportFollowUpForm)")]
    public Task<int> ImportXlsx() => ImportAsync(_world.Xlsx);

    /// <summary>Alternates between the two filled-in files, so every call changes all 600 entries (600 revisions, 600 audit rows and more).</summary>
    private async Task<int> ImportAsync(byte[][] files)
    {
        _imported = 1 - _imported;
        var file = files[_imported];
        var result = await _world.RunAsync(_world.RegionOfficer, (ImportFollowUpForm import) => import.ExecuteAsync(_world.ImportRound, "20", file));
        if (!result.IsSuccess || result.Value.Changed != _world.ImportLines)
            throw new InvalidOperationException($"The import did not change every line: {result.Error?.Message} {(result.IsSuccess ? result.Value : null)}");
        return result.Value.Changed;
    }

    private Task<int> FloorAsync(IReadOnlyList<Guid> rounds, IReadOnlyList<Guid> agreements) => _world.QueryAsync(async db =>
    {
        // The columns the roll-up reads of each answer; the commitments whole, as it reads them.
        var entries = await db.Set<FollowUpEntry>().AsNoTracking().Where(e => rounds.Contains(e.RoundId))
            .Select(e => new { e.AgreementId, e.CommitmentId, e.OrganizationId, e.Status, e.Progress }).ToListAsync();
        var commitments = await db.Set<CommitmentRecord>().AsNoTracking().Where(c => agreements.Contains(c.AgreementId)).ToListAsync();
        return entries.Count + commitments.Count;
    });
}
