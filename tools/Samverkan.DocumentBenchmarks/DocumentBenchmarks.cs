using BenchmarkDotNet.Attributes;
using Samverkan.Documents.Import;
using Samverkan.Documents.Render;
using Samverkan.Documents.Tests.Import.Support;

namespace Samverkan.DocumentBenchmarks;

/// <summary>
/// Issue #4: importing the customer's agreement (text and PDF) and rendering a 12-page agreement (PDF and DOCX),
/// each beside the floor: reading a file of the same bytes from disk.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly ImportAgreementDocument _importer = new();
    private readonly RenderAgreementDocument _renderer = new();
    private DocumentInputs _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = DocumentInputs.Instance;
        // A benchmark of an import that fails would measure the wrong thing.
        foreach (var (bytes, name) in new[] { (_inputs.CustomerText, "a.txt"), (_inputs.CustomerPdf, "a.pdf") })
        {
            var result = _importer.Import(bytes, name, TestDirectory.Instance);
            if (!result.IsSuccess || result.Value.Agreement.Sections.Count == 0)
                throw new InvalidOperationException($"The customer's document does not import as {name}: {result.Error?.Message}");
        }
    }

    [Benchmark(Description = "Read the customer's text file (floor)")]
    public byte[] ReadText() => File.ReadAllBytes(_inputs.CustomerTextPath);

    [Benchmark(Description = "Import the customer's agreement as text")]
    public ImportResult ImportText() => _importer.Import(_inputs.CustomerText, "overenskommelse.txt", TestDirectory.Instance).Value;

    [Benchmark(Description = "Read the customer's PDF file (floor)")]
    public byte[] ReadPdf() => File.ReadAllBytes(_inputs.CustomerPdfPath);

    [Benchmark(Description = "Import the customer's agreement as PDF")]
    public ImportResult ImportPdf() => _importer.Import(_inputs.CustomerPdf, "overenskommelse.pdf", TestDirectory.Instance).Value;

    [Benchmark(Description = "Read the rendered 12-page PDF file (floor)")]
    public byte[] ReadRenderedPdf() => File.ReadAllBytes(_inputs.RenderedPdfPath);

    [Benchmark(Description = "Render the 12-page agreement as PDF")]
    public byte[] RenderPdf() => _renderer.RenderPdf(_inputs.TwelvePages);

    [Benchmark(Description = "Read the rendered 12-page DOCX file (floor)")]
    public byte[] ReadRenderedDocx() => File.ReadAllBytes(_inputs.RenderedDocxPath);

    [Benchmark(Description = "Render the 12-page agreement as DOCX")]
    public byte[] RenderDocx() => _renderer.RenderDocx(_inputs.TwelvePages);
}
