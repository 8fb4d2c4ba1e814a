using System.Globalization;

namespace Samverkan.Benchmarks;

public sealed record Options(
    Uri BaseUrl, TimeSpan WarmUp, TimeSpan Duration, int Concurrency, int Rounds, TimeSpan SequentialDuration, string? MarkdownPath,
    int? ServerPid, string Suite, string? Token, string Region, int Year, int SharedAgreements = 6, int Seed = 1, string Database = "not named")
{
    public const string Foundation = "foundation";
    public const string Agreements = "agreements";
    public const string Load = "load";

    /// <summary>The API key for the agreements suite, read from the environment so it never shows in a process list.</summary>
    public const string TokenVariable = "SAMVERKAN_BENCH_TOKEN";

    public const string Usage = """
        Usage: Samverkan.Benchmarks --url http://127.0.0.1:PORT [--suite foundation|agreements|load] [--warmup 3] [--duration 10]
                                    [--concurrency 8] [--rounds 5] [--sequential 3] [--markdown FILE] [--server-pid PID]
                                    [--region 14] [--year 2027] [--agreements 6] [--seed 1] [--database TEXT]
          --url          the running app (loopback only)
          --suite        foundation: start page and municipality API (issue #2); agreements: agreement page, agreement API,
                         comparison matrix and version diff on the national-scale data (issue #3), signed in with the
                         API key in $SAMVERKAN_BENCH_TOKEN; load: many clients over a mix of pages, API reads and
                         writes on the Dalarna demo data (issue #6), as a region officer of Dalarna with the API key in
                         $SAMVERKAN_BENCH_TOKEN; fails on any server error or lost update (defaults: --concurrency 50,
                         --duration 60, --warmup 5)
          --warmup       seconds per endpoint before measuring (results thrown away); load: seconds before measuring
          --duration     seconds per endpoint measured with --concurrency requests in flight; load: seconds measured
          --concurrency  requests in flight at once (closed loop: each worker sends the next when one answers); load: clients
          --rounds       the measured time is split into this many rounds, taken in turn over the endpoints, so
                         a change in background load hits every endpoint alike instead of the last one
          --sequential   seconds per endpoint measured one request at a time (0 to skip), for unloaded server time
          --markdown     also write the report to FILE
          --server-pid   the app's process id: adds its CPU time per request, which other load on the machine hardly moves
          --region       agreements suite: the region whose agreements are compared (14, Västra Götaland: 49 municipalities)
          --year         agreements suite: the year compared (the national-scale data covers 2027–2030)
          --agreements   load: how many agreement drafts all clients share and save (1–12; fewer means more 409s)
          --seed         load: seeds the clients' random choices, so a run can be repeated
          --database     load: what the app runs on, for the report (e.g. "SQLite (WAL)")
        """;

    public static Options Parse(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        Uri? url = null;
        double? warmUp = null, duration = null;
        double sequential = 3;
        int? concurrency = null;
        int rounds = 5, year = 2027, agreements = 6, seed = 1;
        string database = "not named";
        string? markdown = null;
        int? serverPid = null;
        string suite = Foundation, region = "14";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": url = new Uri(Next()); break;
                case "--suite": suite = Next(); break;
                case "--warmup": warmUp = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sequential": sequential = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--markdown": markdown = Next(); break;
                case "--server-pid": serverPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--region": region = Next(); break;
                case "--year": year = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--agreements": agreements = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--database": database = Next(); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (url is null) throw new ArgumentException("--url is required.");
        // The harness measures this machine's own app; it must never be pointed at someone else's server.
        if (!url.IsLoopback) throw new ArgumentException($"{url} is not a loopback address.");
        if (suite is not (Foundation or Agreements or Load)) throw new ArgumentException($"--suite must be {Foundation}, {Agreements} or {Load}.");
        var load = suite == Load;
        warmUp ??= load ? 5 : 3;
        duration ??= load ? 60 : 10;
        concurrency ??= load ? 50 : 8;
        if (concurrency is < 1 or > 256) throw new ArgumentException("--concurrency must be 1–256.");
        if (rounds is < 1 or > 100) throw new ArgumentException("--rounds must be 1–100.");
        if (agreements is < 1 or > 12) throw new ArgumentException("--agreements must be 1–12.");
        // Bounded, so a load run always stops by itself.
        if (duration is <= 0 or > 300 || warmUp is < 0 or > 60 || sequential is < 0 or > 60)
            throw new ArgumentException("--duration must be 0–300 s, --warmup and --sequential 0–60 s.");
        var token = environment(TokenVariable);
        if (suite is Agreements or Load && string.IsNullOrWhiteSpace(token))
            throw new ArgumentException($"The {suite} suite signs in with an API key: set {TokenVariable} (scripts/benchmark-agreements and scripts/load do).");
        return new Options(url, TimeSpan.FromSeconds(warmUp.Value), TimeSpan.FromSeconds(duration.Value), concurrency.Value, rounds,
            TimeSpan.FromSeconds(sequential), markdown, serverPid, suite, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), region, year,
            agreements, seed, database);
    }
}
