using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Samverkan.Common;
using Samverkan.Documents.Import.Extraction;
using Samverkan.Documents.Import.Parsing;

namespace Samverkan.Documents.Import;

/// <summary>
/// Reads an agreement document (.txt, .pdf with a text layer, .docx) into the canonical agreement model,
/// with the source of every value and a list of what it could not place. Bad files give an
/// <see cref="Error"/> (codes in <see cref="ImportErrors"/>), never an exception, and never run past
/// <see cref="ImportOptions.Timeout"/>.
/// </summary>
public sealed class ImportAgreementDocument
{
    public Result<ImportResult> Import(byte[] content, string fileName, IOrganizationDirectory directory, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= ImportOptions.Default;

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".txt" or ".pdf" or ".docx")) return ImportErrors.Unsupported(extension);
        if (content.Length == 0) return ImportErrors.Empty();
        if (content.LongLength > options.MaxBytes) return ImportErrors.Large(options.MaxBytes);

        // PdfPig and OpenXml cannot be interrupted, so the work runs on a thread of its own and the caller
        // stops waiting at the deadline; the token makes our own parsing give up soon after. A dedicated
        // thread (not the pool) because the caller blocks: under load a pool item could wait for a free thread.
        var cancel = new CancellationTokenSource();
        var work = Task.Factory.StartNew(() => Run(content, extension, directory, options, cancel.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            finished = work.Wait(options.Timeout);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }

        if (!finished)
        {
            cancel.Cancel();
            _ = work.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return ImportErrors.Complex("Dokumentet tog för lång tid att läsa. Spara om det (till exempel som PDF från Word) och försök igen.");
        }

        cancel.Dispose();
        return work.Result;
    }

    private static Result<ImportResult> Run(byte[] content, string extension, IOrganizationDirectory directory, ImportOptions options, CancellationToken cancel)
    {
        try
        {
            var extracted = extension switch
            {
                ".pdf" => PdfTextExtractor.Read(content, options, cancel),
                ".docx" => DocxTextExtractor.Read(content, options, cancel),
                _ => TextFileReader.Read(content),
            };
            if (!extracted.IsSuccess) return extracted.Error!;
            var raw = extracted.Value;
            if (raw.CharCount > options.MaxTextChars)
            {
                return ImportErrors.Complex("Dokumentet innehåller för mycket text för att vara en överenskommelse.");
            }

            var doc = SourceDocument.Build(raw);
            if (doc.Lines.All(l => l.IsBlank)) return ImportErrors.NoTextLayer(pdf: raw.Format == "pdf");

            var warnings = new List<string>(raw.Warnings);
            if (doc.Text.Contains('\uFFFD'))
            {
                warnings.Add("Texten innehåller tecken som inte kunde läsas (visas som �); kontrollera stavningen.");
            }

            return AgreementTextParser.Parse(doc, raw.Format, directory, warnings, cancel);
        }
        catch (OperationCanceledException)
        {
            return ImportErrors.Complex("Dokumentet tog för lång tid att läsa.");
        }
        catch (RegexMatchTimeoutException)
        {
            return ImportErrors.Complex("Dokumentets text är för komplicerad att tolka.");
        }
    }
}
