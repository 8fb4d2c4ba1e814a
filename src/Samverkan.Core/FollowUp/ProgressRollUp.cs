using System.Globalization;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

/// <summary>What became of one committing party's share of one commitment in a roll-up (<see cref="ProgressPart.Outcome"/>).</summary>
public static class ProgressOutcomes
{
    /// <summary>An accepted answer with a figure: in the mean.</summary>
    public const string Counted = "counted";

    /// <summary>No accepted answer (none saved, not submitted, waiting for review or returned): out of the mean, shown as missing.</summary>
    public const string Missing = "missing";

    /// <summary>Accepted as ongoing or changed without a percentage: answered, but there is no figure to put in the mean.</summary>
    public const string NoFigure = "no-figure";

    /// <summary>Accepted as cancelled: the commitment no longer applies, so it leaves the figure altogether.</summary>
    public const string Cancelled = "cancelled";

    public static string SwedishName(string outcome) => outcome switch
    {
        Counted => "Räknas",
        Missing => "Saknas",
        NoFigure => "Besvarat utan procentsats",
        Cancelled => "Inställt, räknas bort",
        _ => outcome,
    };
}

/// <summary>
/// One committing party's share of one commitment, the unit every roll-up figure is built from.
/// <paramref name="Weight"/> is 1 for a commitment with one committing party and 1/n for each of n parties of a joint one.
/// <paramref name="Value"/> is the percentage used (null unless counted).
/// </summary>
public sealed record ProgressPart(
    Guid AgreementId, string Agreement, Guid CommitmentId, string Commitment, string Section, OrganizationRef Party,
    decimal Weight, string Outcome, string? Status, int? Progress, decimal? Value);

public sealed record ProgressCounts(int Counted, int Missing, int NoFigure, int Cancelled);

/// <summary>What the roll-up reads of an accepted entry.</summary>
public sealed record AcceptedAnswer(string Status, int? Progress);

/// <summary>
/// A rolled-up figure with its explanation. <paramref name="Progress"/> is the weighted mean of the counted parts (null
/// when none is counted); <paramref name="CountedWeight"/> of <paramref name="TotalWeight"/> says how much of it is
/// known (cancelled parts are in neither). <paramref name="Calculation"/> is the formula with this figure's numbers.
/// </summary>
public sealed record ProgressFigure(
    string Key, string Label, decimal? Progress, decimal CountedWeight, decimal TotalWeight, int Commitments, ProgressCounts Counts,
    string Calculation, IReadOnlyList<ProgressPart> Parts);

/// <summary>
/// The roll-up arithmetic, kept apart from loading so it can be checked by itself (docs/domain.md, "Roll-up";
/// docs/decisions/0011-follow-up-roll-up.md).
/// </summary>
public static class ProgressRollUp
{
    /// <summary>The rule every figure follows, in words; shown beside each figure.</summary>
    public const string Formula =
        "Viktat medelvärde av regionens godkända svar: summan av vikt × procent delat med summan av vikterna för de svar som räknas. "
        + "Varje åtagande väger 1; ett gemensamt åtagande delas lika mellan parterna som gett det (två parter: 0,5 var). "
        + "Genomfört utan procentsats räknas som 100 %, ej påbörjat utan procentsats som 0 %. "
        + "Svar som inte är godkända visas som saknade och räknas inte in; pågår eller ändrat utan procentsats räknas inte heller in. "
        + "Inställda åtaganden räknas bort helt. Täckningen säger hur stor del av vikterna som har ett svar som räknas.";

    /// <summary>
    /// The part for one party's share of a commitment, from its entry if that entry's submission is accepted
    /// (<paramref name="entry"/> null otherwise).
    /// </summary>
    public static ProgressPart Part(
        Guid agreementId, string agreement, ScopedCommitment commitment, OrganizationRef party, FollowUpEntry? entry) =>
        Part(agreementId, agreement, commitment, party, entry is null ? null : new AcceptedAnswer(entry.Status, entry.Progress));

    public static ProgressPart Part(
        Guid agreementId, string agreement, ScopedCommitment commitment, OrganizationRef party, AcceptedAnswer? entry)
    {
        var weight = 1m / commitment.Parties.Count;
        var (outcome, value) = entry switch
        {
            null => (ProgressOutcomes.Missing, (decimal?)null),
            { Status: EntryStatuses.Cancelled } => (ProgressOutcomes.Cancelled, null),
            { Progress: { } p } => (ProgressOutcomes.Counted, p),
            { Status: EntryStatuses.Done } => (ProgressOutcomes.Counted, 100m),
            { Status: EntryStatuses.NotStarted } => (ProgressOutcomes.Counted, 0m),
            _ => (ProgressOutcomes.NoFigure, null),
        };
        return new ProgressPart(agreementId, agreement, commitment.Id, commitment.Text, commitment.Section, party, weight, outcome,
            entry?.Status, entry?.Progress, value);
    }

    public static ProgressFigure Figure(string key, string label, IEnumerable<ProgressPart> parts)
    {
        // One pass: a national roll-up builds figures over tens of thousands of parts.
        var list = parts.ToList();
        decimal countedWeight = 0, totalWeight = 0, weighted = 0;
        int counted = 0, missing = 0, noFigure = 0, cancelled = 0;
        // The parts of one commitment mostly follow each other, so only a change of commitment needs the set.
        var commitments = new HashSet<(Guid, Guid)>();
        (Guid, Guid) last = default;
        foreach (var p in list)
        {
            if ((p.AgreementId, p.CommitmentId) != last)
            {
                last = (p.AgreementId, p.CommitmentId);
                commitments.Add(last);
            }
            switch (p.Outcome)
            {
                case ProgressOutcomes.Counted:
                    counted++;
                    countedWeight += p.Weight;
                    weighted += p.Weight * p.Value!.Value;
                    totalWeight += p.Weight;
                    break;
                case ProgressOutcomes.Cancelled:
                    cancelled++;
                    break;
                case ProgressOutcomes.Missing:
                    missing++;
                    totalWeight += p.Weight;
                    break;
                default:
                    noFigure++;
                    totalWeight += p.Weight;
                    break;
            }
        }
        decimal? progress = countedWeight == 0 ? null : Math.Round(weighted / countedWeight, 1, MidpointRounding.AwayFromZero);
        var counts = new ProgressCounts(counted, missing, noFigure, cancelled);
        return new ProgressFigure(key, label, progress, Round(countedWeight), Round(totalWeight), commitments.Count,
            counts, Calculation(progress, weighted, countedWeight, totalWeight, counts), list);
    }

    private static decimal Round(decimal weight) => Math.Round(weight, 2, MidpointRounding.AwayFromZero);

    private static string Calculation(decimal? progress, decimal weighted, decimal countedWeight, decimal totalWeight, ProgressCounts counts)
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        string N(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero).ToString("0.##", sv);
        var coverage = totalWeight == 0 ? "" : $" ({N(countedWeight / totalWeight * 100)} %)";
        var mean = progress is null
            ? "Inget godkänt svar med procentsats, så det finns ingen siffra."
            : $"{N(weighted)} / {N(countedWeight)} = {progress.Value.ToString("0.0", sv)} %.";
        return $"{mean} Täckning: {N(countedWeight)} av {N(totalWeight)}{coverage}. "
            + $"Räknas: {counts.Counted}, saknas: {counts.Missing}, utan procentsats: {counts.NoFigure}, inställda: {counts.Cancelled}.";
    }
}
