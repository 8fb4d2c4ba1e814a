using System.Globalization;
using System.Runtime.InteropServices;

namespace Samverkan.Benchmarks;

/// <summary>What the numbers depend on, so a reader can tell whether two runs are comparable.</summary>
public sealed record MachineInfo(int Processors, string CpuModel, string Memory, string Runtime, string Os, string LoadAverage)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ProcField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k)
            ? $"{k / 1024.0 / 1024.0:0.0} GiB".Replace(',', '.') : "unknown",
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        LoadAverageNow());

    /// <summary>1, 5 and 15 minute load averages: the cores may be shared, and load from others skews every figure.</summary>
    public static string LoadAverageNow()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    private static string? ProcField(string file, string field)
    {
        try
        {
            return File.ReadLines(file)
                .Where(l => l.StartsWith(field, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
