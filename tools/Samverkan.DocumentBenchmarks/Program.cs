using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Samverkan.DocumentBenchmarks;

// Usage: dotnet run -c Release --project tools/Samverkan.DocumentBenchmarks [-- --markdown FILE]
// Runs in process (no generated project to build on a busy machine); BenchmarkDotNet chooses how many calls make an
// iteration. Afterwards each benchmark runs again for a few seconds while the process's CPU time is read, because
// CPU per operation hardly moves when other work shares the cores, and wall-clock medians do.
string? markdownPath = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--markdown" && i + 1 < args.Length) markdownPath = args[++i];
    else
    {
        Console.Error.WriteLine("Usage: Samverkan.DocumentBenchmarks [--markdown FILE]");
        return 64;
    }
}

var inputs = DocumentInputs.Instance;
var loadBefore = LoadAverage();
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(20).WithId("InProcess");
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
    .AddLogger(ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithArtifactsPath(Path.Combine(inputs.Folder, "artifacts"));
var summary = BenchmarkRunner.Run<DocumentBenchmarks>(config);
if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
{
    Console.Error.WriteLine("benchmark: BenchmarkDotNet could not run every benchmark.");
    return 1;
}

var cpu = CpuPerOperation(TimeSpan.FromSeconds(3));
var loadAfter = LoadAverage();

double MedianMs(string method) =>
    summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Median / 1_000_000.0;

var text = new StringBuilder();
text.AppendLine("| Benchmark | Bytes | Median ms | CPU ms/op |");
text.AppendLine("|---|---:|---:|---:|");
(string Method, long Bytes)[] rows =
[
    ("ReadText", inputs.CustomerText.LongLength), ("ImportText", inputs.CustomerText.LongLength),
    ("ReadPdf", inputs.CustomerPdf.LongLength), ("ImportPdf", inputs.CustomerPdf.LongLength),
    ("ReadRenderedPdf", inputs.RenderedPdf.LongLength), ("RenderPdf", inputs.RenderedPdf.LongLength),
    ("ReadRenderedDocx", inputs.RenderedDocx.LongLength), ("RenderDocx", inputs.RenderedDocx.LongLength),
];
foreach (var (method, bytes) in rows)
    text.AppendLine(CultureInfo.InvariantCulture, $"| {Description(method)} | {bytes} | {MedianMs(method):0.000} | {cpu[method]:0.000} |");
text.AppendLine();
foreach (var (method, what, target) in new[]
         {
             ("ImportText", "Import as text", 20.0), ("ImportPdf", "Import as PDF", 200.0),
             ("RenderPdf", "Render 12 pages as PDF", 150.0), ("RenderDocx", "Render 12 pages as DOCX", 100.0),
         })
{
    var median = MedianMs(method);
    text.AppendLine(CultureInfo.InvariantCulture,
        $"- {what}: **{median:0.0} ms** median, {cpu[method]:0.0} ms CPU per operation (target ≤ {target:0} ms: {(median <= target ? "met" : "NOT met")}).");
}
text.AppendLine(CultureInfo.InvariantCulture,
    $"- Inputs: the customer's agreement, {inputs.CustomerText.Length} bytes of text; as PDF (laid out from the text on A4 as the document tests do) " +
    $"{inputs.CustomerPdf.Length} bytes, {inputs.CustomerPdfPages} pages; the rendered agreement: the test suite's long sample cut to " +
    $"{inputs.TwelvePagesSections} sections, {DocumentInputs.Pages(inputs.RenderedPdf)} pages as PDF.");
text.AppendLine(CultureInfo.InvariantCulture,
    $"- Method: BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, in process, 5 warm-up and 20 measured iterations; " +
    $"the median is of the iterations' mean time per call. CPU ms/op: each benchmark run again for 3 s after its warm-up, " +
    $"the process's user+system time divided by the calls (imports parse on a thread of their own, which this counts).");
text.AppendLine(CultureInfo.InvariantCulture,
    $"- Machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
    $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average {loadBefore} before, {loadAfter} after.");
text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine(text);
if (markdownPath is not null) File.WriteAllText(markdownPath, text.ToString());
Directory.Delete(inputs.Folder, recursive: true);
return 0;

static Dictionary<string, double> CpuPerOperation(TimeSpan each)
{
    var benchmarks = new DocumentBenchmarks();
    benchmarks.Setup();
    var result = new Dictionary<string, double>();
    foreach (var method in typeof(DocumentBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
    {
        for (var i = 0; i < 5; i++) method.Invoke(benchmarks, null);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var stopAt = Stopwatch.GetTimestamp() + (long)(each.TotalSeconds * Stopwatch.Frequency);
        var calls = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            method.Invoke(benchmarks, null);
            calls++;
        }
        process.Refresh();
        result[method.Name] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / calls;
    }
    return result;
}

static string Description(string method) =>
    typeof(DocumentBenchmarks).GetMethod(method)!.GetCustomAttribute<BenchmarkAttribute>()!.Description!;

static string LoadAverage()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "unknown"; }
}
