using System.CommandLine;
using System.CommandLine.Parsing;
using Samverkan.Common;

namespace Samverkan.Cli;

/// <summary>
/// Exit codes and the one place where failures become stderr text. Validation errors are bad input given
/// on the command line, so they share exit code 2 with parse errors; everything else that fails is 1.
/// </summary>
public static class CliResult
{
    public const string ProgramName = "samverkan";

    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>Ctrl+C: 128 + SIGINT, what shells and scripts expect from an interrupted program.</summary>
    public const int Cancelled = 130;

    public static int ExitCodeFor(ErrorKind kind) => kind == ErrorKind.Validation ? Usage : Failure;

    public static int Fail(TextWriter stderr, Error error, int? exitCode = null)
    {
        stderr.WriteLine($"{ProgramName}: {error.Message} ({error.Code})");
        return exitCode ?? ExitCodeFor(error.Kind);
    }

    /// <summary>Success goes to <paramref name="onSuccess"/>; an error is reported once, the same way for every command.</summary>
    public static int Map<T>(TextWriter stderr, Result<T> result, Func<T, int> onSuccess) =>
        result.Match(onSuccess, error => Fail(stderr, error));

    public static async Task<int> MapAsync<T>(TextWriter stderr, Result<T> result, Func<T, Task<int>> onSuccess) =>
        result.IsSuccess ? await onSuccess(result.Value) : Fail(stderr, result.Error!);

    public static int ParseErrors(ParseResult parsed, TextWriter stderr)
    {
        foreach (var error in parsed.Errors) stderr.WriteLine($"{ProgramName}: {error.Message}");
        stderr.WriteLine($"Kör '{CommandPath(parsed.CommandResult)} --help' för att se kommandon och flaggor.");
        return Usage;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult command) names.Insert(0, command.Command.Name);
        return string.Join(' ', names);
    }
}
