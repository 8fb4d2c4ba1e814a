using System.Globalization;

namespace Samverkan.Benchmarks;

public sealed record Options(
    Uri BaseUrl, TimeSpan WarmUp, TimeSpan Duration, int Concurrency, int Rounds, TimeSpan SequentialDuration, string? MarkdownPath,
    int? ServerPid, string Suite, string? Token, string Region, int Year)
{
    public const string Foundation = "foundation";
    public const string Agreements = "agreements";

    /// <summary>The API key for the agreements suite, read from the environment so it never shows in a process list.</summary>
    public const string TokenVariable = "SAMVERKAN_BENCH_TOKEN";

    public const string Usage = """
        Usage: Samverkan.Benchmarks --url http://127.0.0.1:PORT [--suite foundation|agreements] [--warmup 3] [--duration 10]
                                    [--concurrency 8] [--rounds 5] [--sequential 3] [--markdown FILE] [--server-pid PID]
                                    [--region 14] [--year 2027]
          --url          the running app (loopback only)
          --suite        foundation: start page and municipality API (issue #2); agreements: agreement page, agreement API,
                         comparison matrix and version diff on the national-scale data (issue #3), signed in with the
                         API key in $SAMVERKAN_BENCH_TOKEN
          --warmup       seconds per endpoint before measuring (results thrown away)
          --duration     seconds per endpoint measured with --concurrency requests in flight
          --concurrency  requests in flight at once (closed loop: each worker sends the next when one answers)
          --rounds       the measured time is split into this many rounds, taken in turn over the endpoints, so
                         a change in background load hits every endpoint alike instead of the last one
          --sequential   seconds per endpoint measured one request at a time (0 to skip), for unloaded server time
          --markdown     also write the report to FILE
          --server-pid   the app's process id: adds its CPU time per request, which other load on the machine hardly moves
          --region       agreements suite: the region whose agreements are compared (14, Västra Götaland: 49 municipalities)
          --year         agreements suite: the year compared (the national-scale data covers 2027–2030)
        """;

    public static Options Parse(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        Uri? url = null;
        double warmUp = 3, duration = 10, sequential = 3;
        int concurrency = 8, rounds = 5, year = 2027;
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
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (url is null) throw new ArgumentException("--url is required.");
        // The harness measures this machine's own app; it must never be pointed at someone else's server.
        if (!url.IsLoopback) throw new ArgumentException($"{url} is not a loopback address.");
        if (suite is not (Foundation or Agreements)) throw new ArgumentException($"--suite must be {Foundation} or {Agreements}.");
        if (concurrency is < 1 or > 256) throw new ArgumentException("--concurrency must be 1–256.");
        if (rounds is < 1 or > 100) throw new ArgumentException("--rounds must be 1–100.");
        if (duration is <= 0 or > 300 || warmUp is < 0 or > 60 || sequential is < 0 or > 60)
            throw new ArgumentException("--duration must be 0–300 s, --warmup and --sequential 0–60 s.");
        var token = environment(TokenVariable);
        if (suite == Agreements && string.IsNullOrWhiteSpace(token))
            throw new ArgumentException($"The agreements suite signs in with an API key: set {TokenVariable} (scripts/benchmark-agreements does).");
        return new Options(url, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(duration), concurrency, rounds,
            TimeSpan.FromSeconds(sequential), markdown, serverPid, suite, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), region, year);
    }
}
