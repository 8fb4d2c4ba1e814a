using System.Globalization;

namespace Samverkan.Benchmarks;

public sealed record Options(
    Uri BaseUrl, TimeSpan WarmUp, TimeSpan Duration, int Concurrency, int Rounds, TimeSpan SequentialDuration, string? MarkdownPath,
    int? ServerPid)
{
    public const string Usage = """
        Usage: Samverkan.Benchmarks --url http://127.0.0.1:PORT [--warmup 3] [--duration 10] [--concurrency 8]
                                    [--rounds 5] [--sequential 3] [--markdown FILE] [--server-pid PID]
          --url          the running app (loopback only)
          --warmup       seconds per endpoint before measuring (results thrown away)
          --duration     seconds per endpoint measured with --concurrency requests in flight
          --concurrency  requests in flight at once (closed loop: each worker sends the next when one answers)
          --rounds       the measured time is split into this many rounds, taken in turn over the endpoints, so
                         a change in background load hits every endpoint alike instead of the last one
          --sequential   seconds per endpoint measured one request at a time (0 to skip), for unloaded server time
          --markdown     also write the report to FILE
          --server-pid   the app's process id: adds its CPU time per request, which other load on the machine hardly moves
        """;

    public static Options Parse(string[] args)
    {
        Uri? url = null;
        double warmUp = 3, duration = 10, sequential = 3;
        int concurrency = 8, rounds = 5;
        string? markdown = null;
        int? serverPid = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": url = new Uri(Next()); break;
                case "--warmup": warmUp = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sequential": sequential = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--markdown": markdown = Next(); break;
                case "--server-pid": serverPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (url is null) throw new ArgumentException("--url is required.");
        // The harness measures this machine's own app; it must never be pointed at someone else's server.
        if (!url.IsLoopback) throw new ArgumentException($"{url} is not a loopback address.");
        if (concurrency is < 1 or > 256) throw new ArgumentException("--concurrency must be 1–256.");
        if (rounds is < 1 or > 100) throw new ArgumentException("--rounds must be 1–100.");
        if (duration is <= 0 or > 300 || warmUp is < 0 or > 60 || sequential is < 0 or > 60)
            throw new ArgumentException("--duration must be 0–300 s, --warmup and --sequential 0–60 s.");
        return new Options(url, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(duration), concurrency, rounds,
            TimeSpan.FromSeconds(sequential), markdown, serverPid);
    }
}
