using System.Collections.Concurrent;
using System.Text.Json;

namespace Samverkan.Benchmarks;

/// <summary>
/// Every write the load had applied (answered 200), with the version the answer named and the unique marker it
/// carried. After the run <see cref="VerifyAsync"/> reads everything back: an update is lost when its marker is not in
/// the version it was answered with, when two applied writes name the same version, or when the versions the
/// database holds are more or fewer than the writes applied.
/// </summary>
public sealed class WriteLedger
{
    private readonly ConcurrentDictionary<Guid, ConcurrentBag<(int Version, string Marker)>> _agreements = new();
    private readonly ConcurrentDictionary<(Guid Agreement, Guid Commitment), ConcurrentBag<(int Version, string Marker)>> _entries = new();

    public void AgreementSaved(Guid agreement, int version, string marker) => _agreements.GetOrAdd(agreement, _ => []).Add((version, marker));

    public void EntrySaved(TrackedEntry entry, int version, string marker) =>
        _entries.GetOrAdd((entry.AgreementId, entry.CommitmentId), _ => []).Add((version, marker));

    public int AgreementWrites => _agreements.Values.Sum(b => b.Count);
    public int EntryWrites => _entries.Values.Sum(b => b.Count);

    /// <summary>What was found wrong, one line per lost or doubled update; empty when every applied write is where it should be.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(HttpClient http, LoadTargets targets)
    {
        var problems = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(8);
        async Task<JsonElement> Get(string path)
        {
            await gate.WaitAsync();
            try { return await LoadTargets.GetJsonAsync(http, path, targets.Token); }
            finally { gate.Release(); }
        }

        var checks = new List<Task>();
        foreach (var agreement in targets.Agreements)
        {
            var applied = _agreements.TryGetValue(agreement.Id, out var bag) ? bag.OrderBy(w => w.Version).ToList() : [];
            checks.Add(Task.Run(async () =>
            {
                var versions = (await Get($"/api/v1/agreements/{agreement.Id}/versions")).GetProperty("items").GetArrayLength();
                if (applied.Select(w => w.Version).Distinct().Count() != applied.Count)
                    problems.Add($"Agreement {agreement.Id}: two applied saves were answered with the same version.");
                if (versions != 1 + applied.Count)
                    problems.Add($"Agreement {agreement.Id}: {applied.Count} saves applied, but {versions} versions stored (1 at the start).");
                var current = await Get($"/api/v1/agreements/{agreement.Id}");
                if (applied.Count > 0 && LoadTargets.RegionText(current) != applied[^1].Marker)
                    problems.Add($"Agreement {agreement.Id}: the current version is not the last applied save ({applied[^1].Version}).");
                foreach (var (version, marker) in applied)
                {
                    var saved = await Get($"/api/v1/agreements/{agreement.Id}?version={version}");
                    if (LoadTargets.RegionText(saved) != marker) problems.Add($"Agreement {agreement.Id}, version {version}: holds another save than the one answered.");
                }
            }));
        }

        foreach (var group in targets.Entries.GroupBy(e => e.AgreementId))
        {
            checks.Add(Task.Run(async () =>
            {
                var form = await Get(LoadTargets.FormPath(targets.RoundId, group.Key));
                var byCommitment = form.GetProperty("commitments").EnumerateArray().ToDictionary(c => c.GetProperty("commitmentId").GetGuid());
                foreach (var entry in group)
                {
                    var applied = _entries.TryGetValue((entry.AgreementId, entry.CommitmentId), out var bag) ? bag.OrderBy(w => w.Version).ToList() : [];
                    if (applied.Count == 0) continue;
                    var stored = byCommitment[entry.CommitmentId].GetProperty("entry");
                    if (applied.Select(w => w.Version).Distinct().Count() != applied.Count)
                        problems.Add($"Entry {entry.CommitmentId}: two applied saves were answered with the same version.");
                    if (stored.GetProperty("version").GetInt32() != entry.InitialVersion + applied.Count)
                        problems.Add($"Entry {entry.CommitmentId}: {applied.Count} saves applied from version {entry.InitialVersion}, "
                            + $"but it stands at version {stored.GetProperty("version").GetInt32()}.");
                    if (stored.GetProperty("narrative").GetString() != applied[^1].Marker)
                        problems.Add($"Entry {entry.CommitmentId}: the stored text is not the last applied save's.");
                    var timeline = await Get($"/api/v1/commitments/{entry.CommitmentId}/timeline?agreement={entry.AgreementId}");
                    var recorded = timeline.GetProperty("events").EnumerateArray()
                        .Where(e => e.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.Object)
                        .Select(e => e.GetProperty("after").TryGetProperty("narrative", out var n) ? n.GetString() : null).ToHashSet();
                    var missing = applied.Count(w => !recorded.Contains(w.Marker));
                    if (missing > 0) problems.Add($"Entry {entry.CommitmentId}: {missing} applied saves are missing from its history.");
                }
            }));
        }
        await Task.WhenAll(checks);
        return problems.ToList();
    }
}
