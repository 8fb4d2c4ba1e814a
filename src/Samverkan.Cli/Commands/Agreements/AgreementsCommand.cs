using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Documents.Render;

namespace Samverkan.Cli.Commands.Agreements;

/// <summary><c>samverkan agreements render|import</c>: agreement documents in and out.</summary>
internal static class AgreementsCommand
{
    public static Command Create(CliContext cli) =>
        new("agreements", "Överenskommelser som dokument (PDF och Word).") { Render(cli) };

    private static Command Render(CliContext cli)
    {
        var id = new Argument<Guid>("id") { Description = "Överenskommelsens id." };
        var format = new Option<string>("--format") { Description = "pdf eller docx.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "docx");
        var version = new Option<int?>("--version") { Description = "Versionsnummer (standard: den senaste du får se)." };
        var output = new Option<FileInfo>("--out") { Description = "Filen som ska skrivas.", Required = true };
        var command = new Command("render", "Skriver en version av en överenskommelse som PDF eller Word-dokument.") { id, format, version, output };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<ExportAgreementDocument>()
                .ExecuteAsync(parsed.GetValue(id), parsed.GetValue(format), parsed.GetValue(version), ct);
            return await CliResult.MapAsync(cli.Error, result, async document =>
            {
                var file = parsed.GetRequiredValue(output);
                // Write to a temporary file first, so a failure never leaves half a document behind.
                var temp = file.FullName + ".tmp";
                await File.WriteAllBytesAsync(temp, document.Content, ct);
                File.Move(temp, file.FullName, overwrite: true);
                cli.Out.WriteLine($"Skrev {file.FullName} ({document.Content.Length:N0} byte, {document.MediaType}).");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }
}
