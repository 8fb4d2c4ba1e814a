using Samverkan.Plans;

namespace Samverkan.Web.Pages.Planer;

public sealed class GoalInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? DevelopmentAreaId { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];

    /// <summary>Empty rows in the form are ignored; half-filled ones reach the use case and get its message.</summary>
    public IReadOnlyList<IndicatorInput> ToIndicators() =>
        Indicators.Where(i => !i.IsEmpty)
            .Select(i => new IndicatorInput(i.Name ?? "", i.Unit ?? "", i.Baseline, i.BaselineYear, i.Target, i.TargetYear))
            .ToList();

    public void PadIndicators(int rows = 3)
    {
        while (Indicators.Count(i => i.IsEmpty) < 1 || Indicators.Count < rows) Indicators.Add(new IndicatorRow());
    }
}

public sealed class IndicatorRow
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public int? BaselineYear { get; set; }
    public decimal? Target { get; set; }
    public int? TargetYear { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit) && Baseline is null && Target is null
        && BaselineYear is null && TargetYear is null;
}
