using Microsoft.Extensions.Configuration;

namespace Samverkan.Reminders;

/// <summary>
/// The <c>FollowUp:Reminders</c> section: how many days before a round's deadline the parties that have not submitted
/// are reminded (default 14 and 3), how often the job looks (default every hour), and whether it runs at all.
/// </summary>
public sealed record ReminderOptions(IReadOnlyList<int> DaysBefore, TimeSpan Interval, bool Enabled)
{
    public static ReminderOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("FollowUp:Reminders");
        var days = section.GetSection("DaysBefore").Get<int[]>() is { Length: > 0 } given ? given : [14, 3];
        if (days.Any(d => d is < 0 or > 365))
            throw new InvalidOperationException($"FollowUp:Reminders:DaysBefore must be whole days 0–365, not {string.Join(", ", days)}.");
        var interval = section.GetValue<TimeSpan?>("Interval") ?? TimeSpan.FromHours(1);
        if (interval < TimeSpan.FromSeconds(1)) throw new InvalidOperationException("FollowUp:Reminders:Interval must be at least one second.");
        return new ReminderOptions(days.Distinct().OrderByDescending(d => d).ToList(), interval, section.GetValue("Enabled", true));
    }
}
