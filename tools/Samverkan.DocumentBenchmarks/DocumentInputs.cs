using Samverkan.Agreements;
using Samverkan.Documents.Render;
using Samverkan.Documents.Tests.Import.Support;
using Samverkan.Documents.Tests.Render;
using UglyToad.PdfPig;

namespace Samverkan.DocumentBenchmarks;

/// <summary>
/// What the benchmarks work on, made once per process: the customer's agreement as text (read from
/// ../shared/seeds at run time, never copied into the repository) and as a PDF laid out from it, and a
/// 12-page agreement rendered by the system. Every input is also written to a file, for the floor: reading it.
/// </summary>
public sealed class DocumentInputs
{
    public const string CustomerFileName = "overenskommelse-smedjebacken-region-dalarna-2019-2022.txt";
    public const int RenderedPages = 12;

    private static readonly Lazy<DocumentInputs> Shared = new(() => new DocumentInputs());

    public static DocumentInputs Instance => Shared.Value;

    public string Folder { get; } = Directory.CreateTempSubdirectory("samverkan-docbench-").FullName;
    public byte[] CustomerText { get; }
    public byte[] CustomerPdf { get; }
    public int CustomerPdfPages { get; }
    public AgreementDocumentModel TwelvePages { get; }
    public int TwelvePagesSections { get; }
    public byte[] RenderedPdf { get; }
    public byte[] RenderedDocx { get; }

    public string CustomerTextPath => Path.Combine(Folder, "customer.txt");
    public string CustomerPdfPath => Path.Combine(Folder, "customer.pdf");
    public string RenderedPdfPath => Path.Combine(Folder, "rendered.pdf");
    public string RenderedDocxPath => Path.Combine(Folder, "rendered.docx");

    private DocumentInputs()
    {
        var source = Environment.GetEnvironmentVariable("SAMVERKAN_CUSTOMER_DOCUMENT") ?? Path.Combine(SeedsFolder(), CustomerFileName);
        if (!File.Exists(source))
            throw new FileNotFoundException($"The customer's document is not at {source}; set SAMVERKAN_CUSTOMER_DOCUMENT to its path.", source);
        CustomerText = File.ReadAllBytes(source);
        CustomerPdf = TestPdf.FromText(System.Text.Encoding.UTF8.GetString(CustomerText));
        CustomerPdfPages = Pages(CustomerPdf);

        var renderer = new RenderAgreementDocument();
        (TwelvePages, TwelvePagesSections) = TwelvePageAgreement(renderer);
        RenderedPdf = renderer.RenderPdf(TwelvePages);
        RenderedDocx = renderer.RenderDocx(TwelvePages);

        File.WriteAllBytes(CustomerTextPath, CustomerText);
        File.WriteAllBytes(CustomerPdfPath, CustomerPdf);
        File.WriteAllBytes(RenderedPdfPath, RenderedPdf);
        File.WriteAllBytes(RenderedDocxPath, RenderedDocx);
    }

    /// <summary>
    /// The test suite's long sample agreement (eleven pages), its sections followed by a second round of them, cut to
    /// as many sections as fill exactly twelve A4 pages; should a whole section jump past the twelfth page, its
    /// items are added one at a time instead.
    /// </summary>
    private static (AgreementDocumentModel Model, int Sections) TwelvePageAgreement(RenderAgreementDocument renderer)
    {
        var full = AgreementSamples.Long();
        var first = full.Content.Sections;
        var pool = first.Concat(first.Select((s, i) => s with { Heading = $"{first.Count + i + 1}. {s.Heading[(s.Heading.IndexOf(' ') + 1)..]}, fortsättning" })).ToList();
        AgreementDocumentModel With(List<Section> sections) => full with { Content = full.Content with { Sections = sections } };
        for (var count = 1; count <= pool.Count; count++)
        {
            var pages = Pages(renderer.RenderPdf(With(pool.Take(count).ToList())));
            if (pages == RenderedPages) return (With(pool.Take(count).ToList()), count);
            if (pages < RenderedPages) continue;
            var last = pool[count - 1];
            for (var items = 1; items < last.Items.Count; items++)
            {
                var cut = pool.Take(count - 1).Append(last with { Items = last.Items.Take(items).ToList(), Sections = [] }).ToList();
                if (Pages(renderer.RenderPdf(With(cut))) == RenderedPages) return (With(cut), count);
            }
            break;
        }
        throw new InvalidOperationException($"No cut of the long sample agreement renders to exactly {RenderedPages} pages.");
    }

    public static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static string SeedsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverkan.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Samverkan.slnx not found above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds"));
    }
}
