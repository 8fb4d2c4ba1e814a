using System.Globalization;

namespace Samverkan.Benchmarks;

/// <summary>User plus system CPU time of one process, read from /proc/PID/stat (Linux only).</summary>
public sealed class ProcessCpu(int pid)
{
    // USER_HZ is 100 on every Linux the project runs on; /proc reports CPU time in these ticks.
    private const double TicksPerSecond = 100;

    public TimeSpan? Read()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
