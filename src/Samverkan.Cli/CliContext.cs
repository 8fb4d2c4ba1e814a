using System.Data.Common;
using Samverkan.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Cli;

/// <summary>
/// What every command shares: the three streams, and a way to run its work against the core services as
/// the local operator. Services are built only when a command runs, so <c>--help</c> and usage errors
/// never touch configuration or the database.
/// </summary>
public sealed class CliContext(TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? settings)
{
    public TextReader In { get; } = stdin;
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>
    /// Runs one command in its own scope. Infrastructure failures (no database, bad configuration) become a
    /// one-line message and exit code 1 instead of a stack trace; anything else is a bug and says so.
    /// </summary>
    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        ServiceProvider services;
        try
        {
            services = BuildServices();
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException)
        {
            Error.WriteLine($"{CliResult.ProgramName}: fel i inställningarna: {e.Message}");
            return CliResult.Failure;
        }

        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
            actors.Current = Actor.Operator(Environment.UserName);
            actors.Channel = "cli";
            try
            {
                return await work(scope.ServiceProvider, ct);
            }
            catch (Exception e) when (e is DbException or DbUpdateException or IOException or UnauthorizedAccessException)
            {
                Error.WriteLine($"{CliResult.ProgramName}: databasen gick inte att använda: {Describe(e)}");
                return CliResult.Failure;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Error.WriteLine($"{CliResult.ProgramName}: avbrutet.");
                return CliResult.Cancelled;
            }
            catch (Exception e)
            {
                Error.WriteLine($"{CliResult.ProgramName}: oväntat fel (en bugg – rapportera gärna med texten nedan):");
                Error.WriteLine(e);
                return CliResult.Failure;
            }
        }
    }

    /// <summary>
    /// Reads one line from standard input for a secret. On a terminal the prompt goes to stderr, so stdout
    /// stays clean for scripts; piped input gets no prompt at all. Null when the input is empty.
    /// </summary>
    public async Task<string?> ReadSecretLineAsync(string prompt, CancellationToken ct)
    {
        var terminal = In is HiddenTerminalInput;
        if (terminal) await Error.WriteAsync(prompt);
        var line = await In.ReadLineAsync(ct);
        if (terminal) await Error.WriteLineAsync();
        return string.IsNullOrEmpty(line) ? null : line;
    }

    private ServiceProvider BuildServices()
    {
        // Same sources as the web host: appsettings.json, then environment variables (Database__Provider,
        // ConnectionStrings__Samverkan). The file is looked up next to the binary, not in the current directory,
        // so the CLI reads the same file wherever it is started from.
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (settings is not null) builder.AddInMemoryCollection(settings);
        var configuration = builder.Build();

        var services = new ServiceCollection();
        // No logging providers: EF Core and Identity stay quiet, and stdout carries only results.
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSamverkanCore(configuration);
        services.AddSamverkanDocuments();
        return services.BuildServiceProvider();
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
            if (!messages.Contains(current.Message)) messages.Add(current.Message);
        return string.Join(" – ", messages);
    }
}
