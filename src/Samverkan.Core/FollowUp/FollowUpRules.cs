using Samverkan.Common;

namespace Samverkan.FollowUp;

/// <summary>An indicator value as sent: every part optional, so a missing one gets a message naming it.</summary>
public sealed record IndicatorValueInput(string? Name, decimal? Value, string? Unit);

/// <summary>Checks an entry's fields; the answer is the normalized values, or an error naming the field.</summary>
internal static class FollowUpRules
{
    public sealed record CheckedEntry(string Status, int? Progress, string? Narrative, IReadOnlyList<IndicatorValue> Indicators);

    // numeric(18,4): fourteen digits before the decimal point.
    private const decimal MaxIndicatorValue = 99_999_999_999_999m;

    public static Result<CheckedEntry> Check(string? status, int? progress, string? narrative, IReadOnlyList<IndicatorValueInput>? indicators)
    {
        var s = status?.Trim().ToLowerInvariant() ?? "";
        if (!EntryStatuses.All.Contains(s))
            return Error.Validation("follow-up.status-invalid",
                s.Length == 0 ? $"Ange status: {string.Join(", ", EntryStatuses.All)}." : $"Okänd status '{status}'. Möjliga: {string.Join(", ", EntryStatuses.All)}.",
                "status");
        if (progress is < 0 or > 100)
            return Error.Validation("follow-up.progress-invalid", $"Hur långt åtagandet har kommit anges i procent, 0–100 (inte {progress}).", "progress");
        var text = string.IsNullOrWhiteSpace(narrative) ? null : narrative.Trim();
        if (text?.Length > FollowUpLimits.Narrative)
            return Error.Validation("follow-up.narrative-too-long",
                $"Beskrivningen får vara högst {FollowUpLimits.Narrative} tecken (nu {text.Length}). Lägg längre redovisningar som underlag.", "narrative");
        // No database can be trusted with a NUL in text (Data/NulGuard); here it is named with its field (and line, on import).
        if (text?.Contains('\0') == true)
            return Error.Validation("follow-up.text-invalid", "Beskrivningen innehåller ett nolltecken (NUL), som inte kan sparas. Ta bort det.", "narrative");

        var values = new List<IndicatorValue>();
        var list = indicators ?? [];
        if (list.Count > FollowUpLimits.IndicatorsPerEntry)
            return Error.Validation("follow-up.indicators-too-many", $"Högst {FollowUpLimits.IndicatorsPerEntry} indikatorvärden per åtagande.", "indicators");
        for (var i = 0; i < list.Count; i++)
        {
            var input = list[i];
            var name = input.Name?.Trim() ?? "";
            var unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim();
            if (name.Length == 0)
                return Error.Validation("follow-up.indicator-name-required", $"Indikatorvärde {i + 1} saknar namn.", $"indicators[{i}].name");
            if (name.Contains('\0') || unit?.Contains('\0') == true)
                return Error.Validation("follow-up.text-invalid", $"Indikatorvärde {i + 1} innehåller ett nolltecken (NUL), som inte kan sparas.", $"indicators[{i}].name");
            if (name.Length > FollowUpLimits.IndicatorName)
                return Error.Validation("follow-up.indicator-name-too-long", $"Indikatorns namn får vara högst {FollowUpLimits.IndicatorName} tecken.", $"indicators[{i}].name");
            if (values.Any(v => string.Equals(v.Name, name, StringComparison.CurrentCultureIgnoreCase)))
                return Error.Validation("follow-up.indicator-duplicate", $"Indikatorn \"{name}\" finns två gånger.", $"indicators[{i}].name");
            if (input.Value is not { } value)
                return Error.Validation("follow-up.indicator-value-required", $"Ange ett värde för \"{name}\".", $"indicators[{i}].value");
            if (Math.Abs(value) > MaxIndicatorValue)
                return Error.Validation("follow-up.indicator-value-invalid", $"Värdet för \"{name}\" är orimligt stort.", $"indicators[{i}].value");
            if (unit?.Length > FollowUpLimits.IndicatorUnit)
                return Error.Validation("follow-up.indicator-unit-too-long", $"Enheten får vara högst {FollowUpLimits.IndicatorUnit} tecken.", $"indicators[{i}].unit");
            // Four decimals are kept (the column's scale); rounding here makes SQLite and PostgreSQL store the same value.
            values.Add(new IndicatorValue(name, Math.Round(value, 4, MidpointRounding.AwayFromZero), unit));
        }
        return new CheckedEntry(s, progress, text, values);
    }
}
