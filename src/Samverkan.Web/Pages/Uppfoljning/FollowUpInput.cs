using System.Globalization;
using Samverkan.FollowUp;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>
/// One commitment's fields as typed. Numbers are kept as text so that what was typed comes back unchanged when the
/// page is shown again with an error.
/// </summary>
public sealed class EntryInput
{
    public Guid CommitmentId { get; set; }
    public int BaseVersion { get; set; }
    public string? Status { get; set; }
    public string? Progress { get; set; }
    public string? Narrative { get; set; }
    public List<IndicatorInput> Indicators { get; set; } = [];
    public IFormFile? File { get; set; }

    public static EntryInput From(FormCommitmentView c) => new()
    {
        CommitmentId = c.CommitmentId,
        BaseVersion = c.Entry?.Version ?? 0,
        Status = c.Entry?.Status,
        Progress = c.Entry?.Progress?.ToString(CultureInfo.InvariantCulture),
        Narrative = c.Entry?.Narrative,
        Indicators = c.Entry?.Indicators.Select(i => new IndicatorInput
        {
            Name = i.Name, Value = i.Value.ToString("0.####", CultureInfo.GetCultureInfo("sv-SE")), Unit = i.Unit,
        }).ToList() ?? [],
    };

    /// <summary>Whether anything was typed for a commitment that has no entry yet (an untouched one is not saved).</summary>
    public bool Touched => BaseVersion > 0 || !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(Progress)
        || !string.IsNullOrWhiteSpace(Narrative) || Indicators.Any(i => !i.Blank);

    /// <summary>Always one empty indicator row to fill in, up to the limit.</summary>
    public void PadIndicators()
    {
        Indicators.RemoveAll(i => i.Blank);
        if (Indicators.Count < FollowUpLimits.IndicatorsPerEntry) Indicators.Add(new IndicatorInput());
    }
}

public sealed class IndicatorInput
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }

    public bool Blank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Unit);

    /// <summary>Reads "1 234,5" as well as "1234.5"; null when it is no number.</summary>
    public static decimal? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
