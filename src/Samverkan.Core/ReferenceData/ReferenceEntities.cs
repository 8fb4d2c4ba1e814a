namespace Samverkan.ReferenceData;

public sealed class County
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>Population of a municipality on 31 December of <see cref="Year"/> (SCB).</summary>
public sealed class PopulationFigure
{
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public int Population { get; set; }
}

/// <summary>
/// An activity area. State areas (förordning 2010:2012 § 8) have no owner and are dated because their
/// wording has changed; a region may add its own areas, each optionally mapped to a state area.
/// </summary>
public sealed class ActivityArea
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid? OwnerOrganizationId { get; set; }
    public int? StateAreaNumber { get; set; }
    public int SortOrder { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool IsStateArea => OwnerOrganizationId is null;
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>The national cultural-policy goals (prop. 2009/10:3).</summary>
public sealed class NationalGoal
{
    public int Number { get; set; }
    public required string Text { get; set; }
}
