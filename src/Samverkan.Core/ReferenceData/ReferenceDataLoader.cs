using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.ReferenceData;

/// <summary>
/// Brings counties, regions, municipalities, populations, state activity areas and national goals up to
/// date from the files shipped in the assembly. Idempotent: run by every <c>migrate</c>.
/// </summary>
public sealed class ReferenceDataLoader(SamverkanDb db, MunicipalityCache cache)
{
    public static readonly IReadOnlyList<string> NationalGoalTexts =
    [
        "Alla ska ha tillgång till kulturupplevelser, bildning och möjlighet att utveckla sina skapande förmågor.",
        "Kvalitet och konstnärlig förnyelse ska främjas.",
        "Ett levande kulturarv ska bevaras, användas och utvecklas.",
        "Internationellt och interkulturellt utbyte och samverkan ska främjas.",
        "Barns och ungas rätt till kultur ska särskilt uppmärksammas.",
    ];

    public async Task<int> LoadAsync(CancellationToken ct = default)
    {
        var changes = 0;
        var counties = await db.Counties.ToDictionaryAsync(c => c.Code, ct);
        foreach (var row in Csv.ReadEmbedded("counties.csv"))
        {
            if (counties.TryGetValue(row["county_code"], out var county)) county.Name = row["county_name"];
            else db.Counties.Add(new County { Code = row["county_code"], Name = row["county_name"] });
        }

        var orgs = await db.Organizations
            .Where(o => o.Kind == OrganizationKind.Region || o.Kind == OrganizationKind.Municipality)
            .ToDictionaryAsync(o => o.Code, ct);
        foreach (var row in Csv.ReadEmbedded("regions.csv"))
        {
            var org = Upsert(orgs, row["county_code"], row["region_name"], OrganizationKind.Region);
            org.CountyCode = row["county_code"];
            if (row["organisation_number"].Length > 0) org.OrganizationNumber = row["organisation_number"];
        }
        var officialNames = Csv.ReadEmbedded("municipality-official-names.csv").ToDictionary(r => r["municipality_code"], r => r["official_name"]);
        foreach (var row in Csv.ReadEmbedded("municipalities.csv"))
        {
            var name = row["municipality_name"];
            var org = Upsert(orgs, row["municipality_code"], name, OrganizationKind.Municipality);
            if (officialNames.TryGetValue(row["municipality_code"], out var official)) org.OfficialName = official;
            org.CountyCode = row["county_code"];
            org.MunicipalityCode = row["municipality_code"];
        }

        var populations = await db.Populations.ToDictionaryAsync(p => (p.MunicipalityCode, p.Year), ct);
        foreach (var row in Csv.ReadEmbedded("population.csv"))
        {
            var key = (row["municipality_code"], int.Parse(row["year"], CultureInfo.InvariantCulture));
            var value = int.Parse(row["population"], CultureInfo.InvariantCulture);
            if (populations.TryGetValue(key, out var p)) p.Population = value;
            else db.Populations.Add(new PopulationFigure { MunicipalityCode = key.Item1, Year = key.Item2, Population = value });
        }

        var areas = await db.ActivityAreas.Where(a => a.OwnerOrganizationId == null).ToDictionaryAsync(a => a.Code, ct);
        foreach (var row in Csv.ReadEmbedded("state-activity-areas.csv"))
        {
            if (!areas.TryGetValue(row["code"], out var area))
            {
                area = new ActivityArea { Code = row["code"], Name = row["name"] };
                db.ActivityAreas.Add(area);
            }
            area.Name = row["name"];
            area.StateAreaNumber = int.Parse(row["number"], CultureInfo.InvariantCulture);
            area.SortOrder = area.StateAreaNumber.Value;
            area.ValidFrom = DateOnly.Parse(row["valid_from"], CultureInfo.InvariantCulture);
            area.ValidTo = row["valid_to"].Length > 0 ? DateOnly.Parse(row["valid_to"], CultureInfo.InvariantCulture) : null;
        }

        var goals = await db.NationalGoals.ToDictionaryAsync(g => g.Number, ct);
        for (var i = 0; i < NationalGoalTexts.Count; i++)
        {
            if (goals.TryGetValue(i + 1, out var goal)) goal.Text = NationalGoalTexts[i];
            else db.NationalGoals.Add(new NationalGoal { Number = i + 1, Text = NationalGoalTexts[i] });
        }

        changes += await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return changes;
    }

    private Organization Upsert(Dictionary<string, Organization> existing, string code, string name, OrganizationKind kind)
    {
        if (!existing.TryGetValue(code, out var org))
        {
            org = new Organization { Code = code, Name = name, Kind = kind };
            db.Organizations.Add(org);
            existing[code] = org;
        }
        else
        {
            org.Name = name;
        }
        return org;
    }
}
