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
using Samverkan.FollowUpBenchmarks;

// Usage: scripts/benchmark-follow-up [--markdown FILE]
// In process, on one SQLite file filled once (about a minute). BenchmarkDotNet chooses how many calls make an
// iteration; afterwards each benchmark runs again for a few seconds while the process's CPU time is read, since CPU per
// operation moves less than wall-clock time when other work shares the two cores.
// --quick: five timed calls of each, no BenchmarkDotNet, for looking into a slow path (not for the record).
string? markdownPath = null;
var quick = false;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--markdown" && i + 1 < args.Length) markdownPath = args[++i];
    else if (args[i] == "--quick") quick = true;
    else if (args[i] == "--only" && i + 1 < args.Length) only = args[++i];

    else
    {
        Console.Error.WriteLine("Usage: Samverkan.FollowUpBenchmarks [--markdown FILE] [--quick] [--only METHOD]");
        return 64;
    }
}

var loadBefore = LoadAverage();
var world = FollowUpWorld.Instance;
Console.Error.WriteLine($"benchmark: filled in {world.FillTime.TotalSeconds:0} s: {world.Entries} answers; first import of {world.ImportLines} lines {world.FirstImport.TotalMilliseconds:0} ms");
if (quick)
{
    var benchmarks = new FollowUpBenchmarks();
    benchmarks.Setup();
    foreach (var method in Methods())
    {
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        TimeSpan cpuStart = default;
        for (var i = 0; i < 6; i++)
        {
            if (i == 1) { process.Refresh(); cpuStart = process.TotalProcessorTime; }
            var start = Stopwatch.GetTimestamp();
            await (Task)typeof(FollowUpBenchmarks).GetMethod(method)!.Invoke(benchmarks, null)!;
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        process.Refresh();
        var cpuPerCall = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / 5;
        Console.WriteLine($"{method}: {string.Join(" ", times.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} ms; CPU {cpuPerCall:0.0} ms/call");
    }
    world.Delete();
    return 0;
}

var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("InProcess");
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
    .AddLogger(ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithArtifactsPath(Path.Combine(world.Folder, "artifacts"));
// --only METHOD: that benchmark alone, for looking into it (the report needs them all).
if (only is not null)
{
    BenchmarkRunner.Run<FollowUpBenchmarks>(config.AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(b => b.Descriptor.WorkloadMethod.Name == only)));
    world.Delete();
    return 0;
}
var summary = BenchmarkRunner.Run<FollowUpBenchmarks>(config);
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
text.AppendLine("| Benchmark | Median ms | CPU ms/op |");
text.AppendLine("|---|---:|---:|");
foreach (var method in Methods())
    text.AppendLine(CultureInfo.InvariantCulture, $"| {Description(method)} | {MedianMs(method):0.0} | {cpu[method]:0.0} |");
text.AppendLine();
foreach (var (method, floor, what, target) in new[]
         {
             ("RegionPlanProgress", "RegionFloor", "Roll-up of a region, 15 agreements × 40 commitments × 4 years", 30.0),
             ("NationalPlanProgress", "NationalFloor", "Roll-up at national scale, 290 agreements × 40 commitments × 4 years", 300.0),
             ("NationalRoundProgress", "NationalLatestFloor", "Roll-up at national scale, 290 agreements × 40 commitments, one year", 300.0),
             ("ImportCsv", "ImportFloor", "CSV import of a 600-line round", 1000.0),
         })
{
    var median = MedianMs(method);
    text.AppendLine(CultureInfo.InvariantCulture,
        $"- {what}: **{median:0.0} ms** median, {cpu[method]:0.0} ms CPU per operation, floor {MedianMs(floor):0.0} ms " +
        $"(target ≤ {target:0} ms: {(median <= target ? "met" : "NOT met")}).");
}
text.AppendLine(CultureInfo.InvariantCulture,
    $"- Data: {world.NationalAgreements.Count} signed agreements (Dalarna {world.DalarnaAgreements.Count}) × 40 commitments under 21 plans, " +
    $"4 rounds each (3 closed, 1 open), {world.Entries} answers, 9 in 10 parties' answers accepted; filled in {world.FillTime.TotalSeconds:0} s. " +
    $"Import: Region Dalarna's own form over 15 agreements whose 40 commitments are all joint, {world.ImportLines} lines; " +
    $"each call changes every line (two files in turn). The first import into the empty round (600 entries created) took {world.FirstImport.TotalMilliseconds:0} ms, once.");
text.AppendLine(CultureInfo.InvariantCulture,
    $"- Method: BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, in process, 3 warm-up and 15 measured iterations, " +
    $"SQLite file on local disk; each call in a DI scope of its own, as a request. CPU ms/op: each benchmark again for 3 s, the process's user+system time per call.");
text.AppendLine(CultureInfo.InvariantCulture,
    $"- Machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
    $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average {loadBefore} before, {loadAfter} after.");
text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine(text);
if (markdownPath is not null) File.WriteAllText(markdownPath, text.ToString());
world.Delete();
return 0;

static IEnumerable<string> Methods() =>
    typeof(FollowUpBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).Select(m => m.Name);

static Dictionary<string, double> CpuPerOperation(TimeSpan each)
{
    var benchmarks = new FollowUpBenchmarks();
    benchmarks.Setup();
    var result = new Dictionary<string, double>();
    foreach (var method in typeof(FollowUpBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
    {
        void Call() => ((Task)method.Invoke(benchmarks, null)!).GetAwaiter().GetResult();
        for (var i = 0; i < 2; i++) Call();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var stopAt = Stopwatch.GetTimestamp() + (long)(each.TotalSeconds * Stopwatch.Frequency);
        var calls = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            Call();
            calls++;
        }
        process.Refresh();
        result[method.Name] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / calls;
    }
    return result;
}

static string Description(string method) =>
    typeof(FollowUpBenchmarks).GetMethod(method)!.GetCustomAttribute<BenchmarkAttribute>()!.Description!;

static string LoadAverage()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "unknown"; }
}
