using Samverkan.Plans;

namespace Samverkan.FollowUp;

/// <summary>Whose follow-up a report covers: one municipality's agreements, or every agreement of the region's round.</summary>
public static class ReportScopes
{
    public const string Municipality = "municipality";
    public const string Region = "region";
}

/// <summary>
/// How a committing party's share of a commitment stands in a report: the status of its accepted answer, or
/// <see cref="Missing"/> when the region has not accepted one. Ordered from finished to not there, which is also the
/// order of the stacked bars and the table columns.
/// </summary>
public static class ReportStatuses
{
    public const string Missing = ProgressOutcomes.Missing;

    public static readonly IReadOnlyList<string> Order =
        [EntryStatuses.Done, EntryStatuses.Changed, EntryStatuses.Ongoing, EntryStatuses.NotStarted, EntryStatuses.Cancelled, Missing];

    public static string SwedishName(string status) => status == Missing ? "Saknas" : EntryStatuses.SwedishName(status);

    /// <summary>The status a roll-up part stands for in the report's counts.</summary>
    public static string Of(ProgressPart part) => part.Outcome == ProgressOutcomes.Missing ? Missing : part.Status ?? Missing;

    /// <summary>One count per status, in <see cref="Order"/>, zeros included so every row of a table has every column.</summary>
    public static IReadOnlyList<StatusCount> Count(IEnumerable<ProgressPart> parts)
    {
        var counts = parts.GroupBy(Of).ToDictionary(g => g.Key, g => g.Count());
        return Order.Select(s => new StatusCount(s, SwedishName(s), counts.GetValueOrDefault(s))).ToList();
    }
}

public sealed record StatusCount(string Status, string Name, int Count);

/// <summary>A roll-up figure without the parts behind it: the report lists the commitments itself.</summary>
public sealed record ReportFigure(
    string Key, string Label, decimal? Progress, decimal CountedWeight, decimal TotalWeight, int Commitments, ProgressCounts Counts, string Calculation)
{
    public static ReportFigure Of(ProgressFigure f) =>
        new(f.Key, f.Label, f.Progress, f.CountedWeight, f.TotalWeight, f.Commitments, f.Counts, f.Calculation);
}

/// <param name="Answers">Committing parties' shares of the commitments (a joint commitment has one per party).</param>
/// <param name="Statuses">The shares by status; <see cref="ReportStatuses.Missing"/> counts those without an accepted answer.</param>
/// <param name="Submissions">Where the parties' answers stand: owed, draft, submitted, returned, accepted.</param>
public sealed record ReportSummary(
    int Agreements, int Commitments, int Answers, ReportFigure Progress, IReadOnlyList<StatusCount> Statuses, SubmissionCounts Submissions);

/// <summary>One collaboration area (the agreements' section heading): its shares by status and its progress figure.</summary>
public sealed record AreaStatus(string Area, int Answers, IReadOnlyList<StatusCount> Statuses, ReportFigure Progress);

/// <summary>One round of the plan, for reading the years side by side.</summary>
public sealed record YearStatus(int Year, Guid RoundId, string RoundStatus, int Answers, ReportFigure Progress, IReadOnlyList<StatusCount> Statuses);

/// <summary>The most recent answer the region accepted for this share in an earlier year of the plan.</summary>
public sealed record EarlierAnswer(int Year, string Status, int? Progress, string? Narrative);

/// <param name="Status">The accepted answer's status, or <see cref="ReportStatuses.Missing"/>.</param>
/// <param name="Submission">Where the party's answer for the agreement stands (draft also when nothing is saved): says why one is missing.</param>
/// <param name="Earlier">For a missing answer, the latest one accepted in an earlier year, if any; it is context, not counted.</param>
public sealed record ReportAnswer(
    OrganizationRef Party, string Status, int? Progress, string? Narrative, IReadOnlyList<IndicatorValue> Indicators, string Submission,
    EarlierAnswer? Earlier);

public sealed record ReportCommitment(
    Guid Id, string Section, string Text, IReadOnlyList<OrganizationRef> Parties, string? Indicator, string? Target, DateOnly? Due,
    IReadOnlyList<ReportAnswer> Answers);

public sealed record ReportAgreement(
    Guid Id, string Title, int Version, IReadOnlyList<OrganizationRef> Parties, ReportFigure Progress, IReadOnlyList<PartyProgressView> Submissions,
    IReadOnlyList<ReportCommitment> Commitments);

/// <summary>
/// The follow-up of one year for one municipality or for the whole region: summary, status per collaboration area,
/// progress per plan goal, the plan's years side by side, and every commitment with its answers. Figures follow the
/// roll-up (docs/decisions/0011-follow-up-roll-up.md): accepted answers only, missing shown as missing.
/// </summary>
/// <param name="Subject">The municipality, or the region for a region report.</param>
/// <param name="Municipalities">The region report's figure per municipality (empty in a municipality's report).</param>
public sealed record FollowUpReport(
    string Scope, int Year, OrganizationRef Subject, OrganizationRef Region, PlanRef Plan, RoundRef Round, DateTime GeneratedAt, string Formula,
    ReportSummary Summary, IReadOnlyList<AreaStatus> Areas, IReadOnlyList<ReportFigure> Goals, IReadOnlyList<YearStatus> YearOverYear,
    IReadOnlyList<ReportFigure> Municipalities, IReadOnlyList<ReportAgreement> Agreements)
{
    public string Title => Scope == ReportScopes.Region
        ? $"Uppföljning {Year}: {Subject.Name}"
        : $"Uppföljning {Year}: {Subject.Name} och {Region.Name}";
}
