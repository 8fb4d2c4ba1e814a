using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Documents.Import;
using Samverkan.Documents.Render;

namespace Samverkan.Cli.Commands.Agreements;

/// <summary><c>samverkan agreements render|import</c>: agreement documents in and out.</summary>
internal static class AgreementsCommand
{
    public static Command Create(CliContext cli) =>
        new("agreements", "Överenskommelser som dokument (PDF och Word).") { Render(cli), Import(cli) };

    private static Command Import(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "Dokumentet: .txt, .pdf (med textlager) eller .docx." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Läs och visa resultatet, men spara inget." };
        var json = new Option<bool>("--json") { Description = "Skriv resultatet som JSON (kanonisk JSON plus municipalGoals och warnings)." };
        var command = new Command("import", "Läser in en befintlig överenskommelse som ett strukturerat utkast.") { file, dryRun, json };
        command.SetAction((parsed, ct) => cli.RunAsync(async (services, ct) =>
        {
            var path = parsed.GetRequiredValue(file);
            if (!path.Exists)
            {
                cli.Error.WriteLine($"{CliResult.ProgramName}: filen {path.FullName} finns inte.");
                return CliResult.Failure;
            }
            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            var preview = await services.GetRequiredService<PreviewAgreementImport>().ExecuteAsync(bytes, path.Name, ct);
            // A document that cannot be read is a failed import (exit 1), not a usage error.
            if (!preview.IsSuccess) return CliResult.Fail(cli.Error, preview.Error!, CliResult.Failure);
            var result = preview.Value;
            foreach (var warning in result.Warnings) cli.Error.WriteLine($"varning: {warning}");
            if (parsed.GetValue(dryRun))
            {
                cli.Out.WriteLine(parsed.GetValue(json) ? ImportJson.Print(result, withSources: false) : Summary(result));
                return CliResult.Success;
            }
            var content = result.Agreement;
            var created = await services.GetRequiredService<CreateAgreement>()
                .ExecuteAsync(new CreateAgreementCommand(content, content.Parties.Select(p => p.Code).ToList()), ct);
            return CliResult.Map(cli.Error, created, r =>
            {
                cli.Out.WriteLine(parsed.GetValue(json) ? $"{{\"id\":\"{r.Id}\"}}" : r.Id.ToString());
                return CliResult.Success;
            });
        }, ct));
        return command;
    }

    private static string Summary(ImportResult r)
    {
        var a = r.Agreement;
        var lines = new List<string>
        {
            $"Typ: {a.Kind}", $"Titel: {a.Title}", $"Datum: {a.Date:yyyy-MM-dd}", $"Diarienummer: {a.Reference}",
            $"Period: {a.Period?.From:yyyy-MM-dd} – {a.Period?.To:yyyy-MM-dd}",
            $"Parter: {string.Join(", ", a.Parties.Select(p => $"{p.Name} ({p.Code})"))}",
            $"Handläggare: {a.CaseOfficer?.Name}, {a.CaseOfficer?.Title}",
        };
        void Sections(IEnumerable<Section> sections, string indent)
        {
            foreach (var s in sections)
            {
                lines.Add($"{indent}Avsnitt: {s.Heading} ({s.Items.Count} punkter, {s.Items.Sum(i => i.Commitments.Count)} åtaganden)");
                Sections(s.Sections, indent + "  ");
            }
        }
        Sections(a.Sections, "");
        lines.AddRange(a.Signatures.Select(s => $"Underskrift: {s.Place} {s.Date:yyyy-MM-dd}, {s.Name}, {s.Role} ({s.Party})"));
        lines.Add($"Kommunens mål: {r.MunicipalGoals.Count}");
        return string.Join(Environment.NewLine, lines);
    }

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
                cli.Out.WriteLine($"Skrev {file.FullName} ({document.Content.Length.ToString("N0", SwedishText.Culture)} byte, {document.MediaType}).");
                return CliResult.Success;
            });
        }, ct));
        return command;
    }
}
