using System.Net;
using Samverkan.Benchmarks;

// Drives a running Samverkan from a second process and compares real endpoints with a bare endpoint of the same
// host that returns constant JSON of the same size: the difference is what our own code costs per request.
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 64;
}

using var http = new HttpClient(new SocketsHttpHandler
{
    // One connection per worker, kept open: we measure the app, not TCP handshakes.
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    UseProxy = false,
})
{
    BaseAddress = options.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};

var session = new Session(http, options);
Report report;
try
{
    report = options.Suite switch
    {
        Options.Agreements => await AgreementsSuite.RunAsync(session, options.Token!),
        Options.Load => await LoadSuite.RunAsync(http, options, options.Token!),
        _ => await FoundationSuite.RunAsync(session),
    };
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"benchmark: {e.Message}");
    return 2;
}

Console.WriteLine(report.Markdown);
if (options.MarkdownPath is not null) await File.WriteAllTextAsync(options.MarkdownPath, report.Markdown);
return report.AllAnswered ? 0 : 1;
