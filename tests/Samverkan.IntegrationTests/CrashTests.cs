using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Agreements;
using Samverkan.Cli;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Tests.Support;
using Xunit.Abstractions;

namespace Samverkan.IntegrationTests;

/// <summary>
/// Issue #6, crash safety: the built app runs in a process of its own and is killed with SIGKILL while writers stream
/// agreement edits, once while a bulk write is inside its transaction (drafts for Västra Götaland's 49 municipalities
/// from one template, one transaction of thousands of rows) and once at a random point of the stream. After each
/// restart every answered write is there (and at most the one in flight besides), the bulk write is there whole or
/// not at all, the audit chain verifies, and the app goes on writing.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 4;
    private const string RegionCode = "14";
    private const int MunicipalitiesOfRegion = 49;
    private const string Editor = "crash-editor@test.example";
    private const string Importer = "crash-importer@test.example";

    private TestDatabase _database = null!;
    private readonly Dictionary<string, string> _tokens = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var services = _database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actors.Current = Actor.Operator("crash-test");
        actors.Channel = "cli";
        foreach (var (email, organization) in new[] { (Editor, "20"), (Importer, RegionCode) })
        {
            var added = await scope.ServiceProvider.GetRequiredService<AddUser>()
                .ExecuteAsync(new AddUserCommand(email, $"Test {email}", organization, Roles.RegionOfficer, "test-password-123"));
            Assert.True(added.IsSuccess, added.Error?.Message);
            _tokens[email] = (await scope.ServiceProvider.GetRequiredService<CreateApiToken>().ExecuteAsync(email)).Value.Token;
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task KilledMidImportAndMidStream_KeepsEveryAnsweredWrite_NoHalfImport_AndTheAuditChainVerifies()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Note(string text) => output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  {text}");
        Note($"{_database.Provider}, random seed {seed}");
        var app = await AppProcess.StartAsync(_database.Settings, output);
        Note("app started");
        try
        {
            var ledger = new Ledger(await CreateAgreementsAsync(app));

            // 0. One import run whole, to count the INSERT commands its transaction sends on this provider (one per row
            //    on SQLite, batched on PostgreSQL). The kills below come after a random number of them.
            var measured = await CreateTemplateAsync(app, 2035);
            var inserts = app.Watch(Inserts(measured));
            var committed = app.Watch(line => line.Contains(DraftsPath(measured), StringComparison.Ordinal) && line.Contains("Committed transaction", StringComparison.Ordinal));
            using (var importer = app.Client(_tokens[Importer])) await (await importer.PostAsync(DraftsPath(measured), null)).JsonAsync(201);
            await committed.WhenSeenAsync(1, TimeSpan.FromSeconds(60));
            var insertsPerImport = inserts.Seen;
            Assert.True(insertsPerImport >= 2, $"The import sent {insertsPerImport} INSERT command(s); a kill cannot fall between two.");
            Assert.Equal(MunicipalitiesOfRegion, await DraftsAsync(measured));
            Note($"one import run whole: {insertsPerImport} INSERT commands");

            // 1. Killed while the import is inside its transaction: after some of its INSERTs ran, before its commit.
            //    Should the kill come after the commit after all (the log runs a little behind the database), the
            //    import is whole and this step is taken again with a new template, up to three times.
            var templates = new List<Guid> { measured };
            var killedInside = false;
            for (var attempt = 1; attempt <= 3 && !killedInside; attempt++)
            {
                var template = await CreateTemplateAsync(app, 2035 + 4 * attempt);
                templates.Add(template);
                var afterInserts = random.Next(1, Math.Max(2, insertsPerImport * 9 / 10));
                using var stop = new CancellationTokenSource();
                var writers = ledger.StartWriters(app, _tokens[Editor], stop.Token);
                await ledger.WaitForAnswersAsync(Writers);
                var inside = app.Watch(Inserts(template)).WhenSeenAsync(afterInserts, TimeSpan.FromSeconds(120));
                using var importer = app.Client(_tokens[Importer]);
                var import = Answered(importer.PostAsync(DraftsPath(template), null));
                await inside;
                app.Kill();
                var importStatus = await import;
                await writers;

                Note("killed");
                app = await AppProcess.StartAsync(_database.Settings, output);
                Note("app restarted");
                await ledger.CheckAsync(app, _tokens[Editor]);
                var drafts = await DraftsAsync(template);
                Note($"Kill {attempt} after {afterInserts} of the import's {insertsPerImport} INSERT commands: import answered "
                    + $"{importStatus?.ToString() ?? "nothing"}, {drafts} of {MunicipalitiesOfRegion} drafts after restart; {ledger}");
                if (importStatus is not null) Assert.Equal(HttpStatusCode.Created, importStatus);
                if (importStatus == HttpStatusCode.Created) Assert.Equal(MunicipalitiesOfRegion, drafts);
                await AssertAuditChainIntactAsync();
                killedInside = drafts == 0;
            }
            Assert.True(killedInside, "Three kills all came after the import's commit, so none tested a half-done import: make the import larger.");

            // 2. Killed at a random point of the stream, with no import running.
            using (var stop = new CancellationTokenSource())
            {
                var writers = ledger.StartWriters(app, _tokens[Editor], stop.Token);
                var answersBefore = random.Next(Writers, 20 * Writers);
                await ledger.WaitForAnswersAsync(answersBefore);
                app.Kill();
                await writers;
                Note($"Kill during the stream after {answersBefore} more answers; {ledger}");
            }
            app = await AppProcess.StartAsync(_database.Settings, output);
            Note("app restarted");
            await ledger.CheckAsync(app, _tokens[Editor]);
            await AssertAuditChainIntactAsync();
            Note("checked");

            // 3. The restarted app goes on: each writer saves once more, and running the imports again completes
            //    what was rolled back and duplicates nothing.
            using (var stop = new CancellationTokenSource())
            {
                var writers = ledger.StartWriters(app, _tokens[Editor], stop.Token);
                await ledger.WaitForAnswersAsync(Writers);
                await stop.CancelAsync();
                await writers;
            }
            await ledger.CheckAsync(app, _tokens[Editor]);
            foreach (var template in templates)
            {
                using var importer = app.Client(_tokens[Importer]);
                using var rerun = await importer.PostAsync(DraftsPath(template), null);
                Assert.True(rerun.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Drafts again: {(int)rerun.StatusCode} {await rerun.Content.ReadAsStringAsync()}");
                Assert.Equal(MunicipalitiesOfRegion, await DraftsAsync(template));
            }
            await AssertAuditChainIntactAsync();
            Assert.Empty(ledger.Unexpected);
            Note("imports run again, every check passed");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static string DraftsPath(Guid template) => $"/api/v1/agreement-templates/{template}/drafts";

    /// <summary>The log line of each INSERT command that the import from <paramref name="template"/> sends.</summary>
    private static Func<string, bool> Inserts(Guid template) => line =>
        line.Contains($"RequestPath:{DraftsPath(template)}", StringComparison.Ordinal) && line.Contains("INSERT INTO", StringComparison.Ordinal);

    /// <summary>The status of a request's answer, or null when the app died before answering.</summary>
    private static async Task<HttpStatusCode?> Answered(Task<HttpResponseMessage> request)
    {
        try
        {
            using var response = await request;
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>One draft agreement per writer, between Region Dalarna and Smedjebacken.</summary>
    private async Task<List<Guid>> CreateAgreementsAsync(AppProcess app)
    {
        using var client = app.Client(_tokens[Editor]);
        var ids = new List<Guid>();
        for (var w = 0; w < Writers; w++)
        {
            var created = await (await client.PostAsJsonAsync("/api/v1/agreements",
                AgreementScenarioTests.Body($"Krocktest, skrivare {w}", Ledger.Marker(w, 1)))).JsonAsync(201);
            ids.Add(Guid.Parse(created.GetProperty("id").GetString()!));
        }
        return ids;
    }

    /// <summary>A template whose drafts are large: 49 agreements of 40 commitments each, thousands of rows in one transaction.</summary>
    private async Task<Guid> CreateTemplateAsync(AppProcess app, int from)
    {
        const string Text = "Regionen och {kommun} arbetar tillsammans för att kulturen ska nå alla som bor i {kommun}, under hela perioden {från}–{till}.";
        var body = new
        {
            title = AgreementTemplates.DefaultTitle,
            reference = $"VGR-KROCK/{from}",
            period = new { from = $"{from}-01-01", to = $"{from + 3}-12-31" },
            sections = Enumerable.Range(1, 5).Select(s => new
            {
                heading = $"Område {s}",
                items = Enumerable.Range(1, 4).Select(i => new
                {
                    style = "paragraph",
                    text = Text,
                    commitments = new object[]
                    {
                        new { parties = new[] { "region" }, text = $"Regionen gör åtagande {s}.{i}. {Text}" },
                        new { parties = new[] { "municipality" }, text = $"{{kommun}} gör åtagande {s}.{i}. {Text}" },
                    },
                }).ToArray(),
            }).ToArray(),
            signatures = new[]
            {
                new { party = "municipality", name = "", role = "Kommunstyrelsens ordförande" },
                new { party = "region", name = "Regionens ordförande", role = "Ordförande i kulturnämnden" },
            },
        };
        using var importer = app.Client(_tokens[Importer]);
        var created = await (await importer.PostAsJsonAsync($"/api/v1/agreement-templates?region={RegionCode}", body)).JsonAsync(201);
        return Guid.Parse(created.GetProperty("id").GetString()!);
    }

    /// <summary>
    /// How many drafts the template made, read straight from the database; fails unless the import is there whole
    /// (every municipality's draft with its version and both parties, and the run counted) or not at all.
    /// </summary>
    private async Task<int> DraftsAsync(Guid template)
    {
        await using var services = _database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var agreements = await db.Set<Agreement>().Where(a => a.TemplateId == template).Select(a => a.Id).ToListAsync();
        var versions = await db.Set<AgreementVersion>().CountAsync(v => agreements.Contains(v.AgreementId));
        var parties = await db.Set<AgreementParty>().CountAsync(p => agreements.Contains(p.AgreementId));
        var runs = await db.Set<AgreementTemplate>().Where(t => t.Id == template).Select(t => t.DraftRuns).SingleAsync();
        var whole = agreements.Count is 0 or MunicipalitiesOfRegion && versions == agreements.Count && parties == 2 * agreements.Count
            && runs == (agreements.Count == 0 ? 0 : 1);
        Assert.True(whole, $"Half an import is visible: {agreements.Count} of {MunicipalitiesOfRegion} drafts, {versions} versions, "
            + $"{parties} parties, the template's run counter at {runs}.");
        return agreements.Count;
    }

    private async Task AssertAuditChainIntactAsync()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["audit", "verify"], new StringReader(""), stdout, stderr, _database.Settings);
        Assert.True(code == 0, $"samverkan audit verify exited {code}: {stderr}");
        Assert.Contains("kedjan är obruten", stdout.ToString());
    }

    /// <summary>
    /// What each writer sent and which answers it got. Each writer edits its own agreement one save after another, so
    /// version n of agreement w must hold <see cref="Marker"/>(w, n) once the save of version n was answered.
    /// </summary>
    private sealed class Ledger(List<Guid> agreements)
    {
        private readonly int[] _answered = Enumerable.Repeat(1, agreements.Count).ToArray();
        private readonly int?[] _inFlight = new int?[agreements.Count];
        private int _answers;

        public List<string> Unexpected { get; } = [];

        public static string Marker(int writer, int version) => $"Skrivare {writer} sparade version {version}.";

        private static string RegionText(JsonElement agreement) =>
            agreement.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments")[0].GetProperty("text").GetString()!;

        /// <summary>Each writer saves its agreement again and again until stopped or the app dies.</summary>
        public Task StartWriters(AppProcess app, string token, CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, agreements.Count).Select(w => Task.Run(async () =>
        {
            using var client = app.Client(token);
            while (!stop.IsCancellationRequested)
            {
                var next = _answered[w] + 1;
                _inFlight[w] = next;
                HttpResponseMessage response;
                try
                {
                    response = await client.PutAsJsonAsync($"/api/v1/agreements/{agreements[w]}",
                        AgreementScenarioTests.Body($"Krocktest, skrivare {w}", Marker(w, next), version: next - 1));
                }
                catch (HttpRequestException)
                {
                    return; // The app is gone; whether this save landed is for the check after the restart.
                }
                using (response)
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var problem = await response.Content.ReadAsStringAsync();
                        lock (Unexpected) Unexpected.Add($"writer {w}, version {next}: {(int)response.StatusCode} {problem}");
                        return;
                    }
                    var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    if (saved.GetProperty("version").GetInt32() != next)
                        lock (Unexpected) Unexpected.Add($"writer {w}: asked for version {next}, the answer says {saved.GetProperty("version").GetInt32()}");
                    _answered[w] = next;
                    _inFlight[w] = null;
                    Interlocked.Increment(ref _answers);
                }
            }
        })));

        public async Task WaitForAnswersAsync(int more)
        {
            var target = Volatile.Read(ref _answers) + more;
            var waited = 0;
            while (Volatile.Read(ref _answers) < target)
            {
                Assert.True(Unexpected.Count == 0, string.Join("\n", Unexpected));
                Assert.True(++waited < 12_000, $"The writers got {Volatile.Read(ref _answers)} answers, waiting for {target}.");
                await Task.Delay(10);
            }
        }

        /// <summary>
        /// Every answered version holds what was sent for it; beyond the last answered version there is at most the
        /// one that was in flight when the app died, and then with exactly what was sent.
        /// </summary>
        public async Task CheckAsync(AppProcess app, string token)
        {
            Assert.True(Unexpected.Count == 0, string.Join("\n", Unexpected));
            using var client = app.Client(token);
            for (var w = 0; w < agreements.Count; w++)
            {
                var current = (await (await client.GetAsync($"/api/v1/agreements/{agreements[w]}")).JsonAsync()).GetProperty("version").GetInt32();
                var landed = _inFlight[w] is { } inFlight && current == inFlight;
                Assert.True(current == _answered[w] || landed,
                    $"Writer {w}: version {_answered[w]} was answered{(_inFlight[w] is { } f ? $" and {f} was in flight" : "")}, but the agreement is at version {current}.");
                for (var version = 1; version <= current; version++)
                {
                    var saved = await (await client.GetAsync($"/api/v1/agreements/{agreements[w]}?version={version}")).JsonAsync();
                    Assert.Equal(Marker(w, version), RegionText(saved));
                }
                _answered[w] = current;
                _inFlight[w] = null;
            }
        }

        public override string ToString() => $"answered versions {string.Join(", ", _answered)} (writers' saves answered in all: {_answers})";
    }
}
