using Microsoft.Extensions.Configuration;

namespace Samverkan.YearlyCycle;

/// <summary>A yearly date set by the state, not kept in the data: the region's reports to Kulturrådet.</summary>
/// <param name="Assumed">The date is our assumption, to be checked against the state's current instructions; the page says so.</param>
public sealed record StateMilestone(string Title, int Month, int Day, string? Detail, bool Assumed);

/// <summary>
/// The <c>YearlyCycle:StateReports</c> section (a list of {title, month, day, detail, assumed}). Without it, two
/// dates, both marked as assumptions: the yearly report to Kulturrådet on 1 March, and the
/// activity-area breakdown (Områdesfördelning) in May, which the domain notes give as month only (31 May here).
/// </summary>
public sealed record YearlyCycleOptions(IReadOnlyList<StateMilestone> StateReports)
{
    public static readonly IReadOnlyList<StateMilestone> Defaults =
    [
        new("Redovisning till Kulturrådet", 3, 1,
            "Regionens årliga redovisning av föregående år: verksamhet, ekonomi och en kort kvalitativ redovisning.", Assumed: true),
        new("Områdesfördelning till Kulturrådet", 5, 31,
            "Hur statens bidrag fördelas på verksamhetsområdena. Domänanteckningarna anger maj; dagen är antagen.", Assumed: true),
    ];

    public static YearlyCycleOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("YearlyCycle:StateReports");
        var configured = section.GetChildren().Select(c => new StateMilestone(
            c["Title"] ?? throw new InvalidOperationException("YearlyCycle:StateReports: every entry needs a Title."),
            c.GetValue<int>("Month"), c.GetValue<int>("Day"), c["Detail"], c.GetValue("Assumed", false))).ToList();
        foreach (var m in configured)
            if (m.Month is < 1 or > 12 || m.Day < 1 || m.Day > DateTime.DaysInMonth(2024, m.Month))
                throw new InvalidOperationException($"YearlyCycle:StateReports: '{m.Title}' has no valid month and day ({m.Month}-{m.Day}).");
        return new YearlyCycleOptions(configured.Count > 0 ? configured : Defaults);
    }
}
