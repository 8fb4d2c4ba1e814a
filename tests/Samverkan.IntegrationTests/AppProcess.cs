using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Samverkan.IntegrationTests;

/// <summary>
/// The built web app in a process of its own on 127.0.0.1, as an operator runs it (Production), so a test can kill
/// it the way a crash does: <see cref="Kill"/> sends SIGKILL, and nothing in the app gets to run after it. Its log
/// lines (Entity Framework's commands and transactions included) are read as they come, so a test can wait for the
/// moment a request is inside its transaction.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly Queue<string> _tail = new();
    private readonly List<LineWatch> _watches = [];
    private readonly object _gate = new();

    /// <summary>Counts the log lines that match, from when it was made.</summary>
    public sealed class LineWatch(Func<string, bool> match)
    {
        private readonly List<(int Count, TaskCompletionSource Done)> _waits = [];
        private readonly object _gate = new();
        private int _seen;

        public int Seen
        {
            get { lock (_gate) return _seen; }
        }

        /// <summary>Completes once <paramref name="count"/> matching lines have been written.</summary>
        public Task WhenSeenAsync(int count, TimeSpan timeout)
        {
            lock (_gate)
            {
                if (_seen >= count) return Task.CompletedTask;
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waits.Add((count, done));
                return done.Task.WaitAsync(timeout);
            }
        }

        internal void Offer(string line)
        {
            if (!match(line)) return;
            lock (_gate)
            {
                _seen++;
                foreach (var (count, done) in _waits.Where(w => w.Count <= _seen)) done.TrySetResult();
                _waits.RemoveAll(w => w.Count <= _seen);
            }
        }
    }

    private AppProcess(Process process, Uri address, ITestOutputHelper output)
    {
        _process = process;
        BaseAddress = address;
        _output = output;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's own files: the test project references the web project, so its build sits beside the tests.</summary>
    private static string AppFolder
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            foreach (var file in new[] { "Samverkan.Web.dll", "Samverkan.Web.runtimeconfig.json", "appsettings.json" })
                if (!File.Exists(Path.Combine(folder, file)))
                    throw new InvalidOperationException($"{file} is missing from {folder}: build tests/Samverkan.IntegrationTests first.");
            return folder;
        }
    }

    /// <param name="settings">Configuration in the hosts' shape (Database:Provider, ConnectionStrings:Samverkan, …).</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, ITestOutputHelper output)
    {
        var folder = AppFolder;
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(folder, "Samverkan.Web.dll"), "--contentRoot", folder, "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__MigrateOnStart"] = "false";
        start.Environment["RateLimits__Api__PermitLimit"] = "100000000";
        // Every command and transaction on one line with its request path (the plain formatter, not the JSON one
        // Production uses): how a test sees a request mid-transaction.
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__IncludeScopes"] = "true";

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), output);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        if (!process.Start()) throw new InvalidOperationException("The app did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + 90 * Stopwatch.Frequency;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it answered:\n{app.Tail()}");
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode) return app;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                app.Kill();
                throw new InvalidOperationException($"The app was not ready (/readyz) within 90 s:\n{app.Tail()}");
            }
            await Task.Delay(50);
        }
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Starts counting the log lines that match <paramref name="match"/>.</summary>
    public LineWatch Watch(Func<string, bool> match)
    {
        var watch = new LineWatch(match);
        lock (_gate) _watches.Add(watch);
        return watch;
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown, no flush, no finally block runs.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    public string Tail()
    {
        lock (_gate) return string.Join('\n', _tail);
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _tail.Enqueue(line.Length > 400 ? line[..400] + "…" : line);
            if (_tail.Count > 40) _tail.Dequeue();
            foreach (var watch in _watches) watch.Offer(line);
        }
        if (!line.Contains("fail:", StringComparison.Ordinal) && !line.Contains("crit:", StringComparison.Ordinal)) return;
        try
        {
            _output.WriteLine($"app: {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended; xunit takes no more output.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
