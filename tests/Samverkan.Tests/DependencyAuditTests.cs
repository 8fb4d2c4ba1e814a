using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samverkan.Tests;

/// <summary>
/// A package with a known vulnerability stops the build, whatever its severity. The package source on the
/// development machines publishes no vulnerability data, so the check cannot be seen to work on our own packages;
/// here a restore under the repository's own Directory.Build.props meets an advisory feed on 127.0.0.1 that names a
/// package Core really uses (DiffPlex 1.9.0), and one that cannot be reached.
/// </summary>
public sealed class DependencyAuditTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("samverkan-audit-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) return dir.FullName;
        throw new InvalidOperationException("Directory.Packages.props not found above " + AppContext.BaseDirectory);
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>A project with the repository's build settings, one package from the local package folder, and the given audit source.</summary>
    private async Task<(int ExitCode, string Output)> RestoreAsync(string auditSource)
    {
        var root = RepositoryRoot();
        File.Copy(Path.Combine(root, "Directory.Build.props"), Path.Combine(_work, "Directory.Build.props"));
        var pinned = File.ReadLines(Path.Combine(root, "Directory.Packages.props")).Single(l => l.Contains("\"DiffPlex\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(_work, "Directory.Packages.props"), $"<Project><ItemGroup>{pinned.Trim()}</ItemGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(_work, "probe.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"DiffPlex\" /></ItemGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{PackagesFolder()}" /></packageSources>
              <auditSources><clear /><add key="probe" value="{auditSource}" allowInsecureConnections="true" /></auditSources>
            </configuration>
            """);
        var start = new ProcessStartInfo("dotnet", ["restore", "--nologo", "-v", "q", "--packages", Path.Combine(_work, "packages")])
        {
            WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(_work, "http-cache") },
        };
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A NuGet V3 service index with only a vulnerability resource, and one advisory against DiffPlex 1.9.0.</summary>
    private static HttpListener AdvisoryFeed(int severity, out string index)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var root = $"http://127.0.0.1:{port}/";
        var pages = new Dictionary<string, string>
        {
            ["/index.json"] = $$"""{"version":"3.0.0","resources":[{"@id":"{{root}}vulnerabilities/index.json","@type":"VulnerabilityInfo/6.7.0"}]}""",
            ["/vulnerabilities/index.json"] = $$"""
                [{"@name":"base","@id":"{{root}}vulnerabilities/base.json","@updated":"2026-01-01T00:00:00Z"},
                 {"@name":"update","@id":"{{root}}vulnerabilities/update.json","@updated":"2026-01-01T00:00:00Z"}]
                """,
            ["/vulnerabilities/base.json"] = $$"""{"diffplex":[{"severity":{{severity}},"url":"https://advisory.invalid/samverkan-test","versions":"[1.9.0, 1.9.0]"}]}""",
            ["/vulnerabilities/update.json"] = "{}",
        };
        var http = new HttpListener();
        http.Prefixes.Add(root);
        http.Start();
        _ = Task.Run(async () =>
        {
            while (http.IsListening)
            {
                HttpListenerContext context;
                try { context = await http.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var body = pages.TryGetValue(context.Request.Url!.AbsolutePath, out var page) ? page : null;
                context.Response.StatusCode = body is null ? 404 : 200;
                context.Response.ContentType = "application/json";
                if (body is not null) await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
                context.Response.Close();
            }
        });
        index = root + "index.json";
        return http;
    }

    [Theory]
    [InlineData(0, "NU1901", "low")]
    [InlineData(2, "NU1903", "high")]
    public async Task APackageWithAKnownVulnerability_FailsTheRestore(int severity, string code, string named)
    {
        using var feed = AdvisoryFeed(severity, out var index);

        var (exitCode, output) = await RestoreAsync(index);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"error {code}", output);
        Assert.Contains($"'DiffPlex' 1.9.0 has a known {named} severity vulnerability", output);
    }

    [Fact]
    public async Task UnreachableVulnerabilityData_IsAWarning_AndTheRestoreGoesOn()
    {
        var (exitCode, output) = await RestoreAsync("http://127.0.0.1:9/index.json");

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning NU1900", output);
    }
}
