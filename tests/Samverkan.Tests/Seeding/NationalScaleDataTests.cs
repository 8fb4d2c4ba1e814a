using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Agreements;
using Samverkan.Data;
using Samverkan.Seeding;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Seeding;

public sealed class NationalScaleDataTests
{
    [Fact]
    public async Task FillAsync_OnASmallScale_WritesPlansForEveryRegionAndTheAskedAgreementsVersionsAndCommitments()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var auditBefore = await db.AuditLog.CountAsync();
        var options = new NationalScaleOptions
        {
            Municipalities = 12, VersionsPerAgreement = 3, SectionsPerAgreement = 4, CommitmentsPerAgreement = 10, BatchSize = 5,
        };

        var summary = await NationalScaleData.FillAsync(db, options);

        Assert.Equal((21, 21 * 20, 12, 36, 360, 16), (summary.Plans, summary.Goals, summary.Agreements, summary.Versions, summary.Commitments, summary.Signatures));
        Assert.Equal(21, await db.Plans.CountAsync(p => p.StartYear == 2027 && p.EndYear == 2030));
        Assert.Equal(21 * 20, await db.PlanGoals.CountAsync());
        var agreements = await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).ToListAsync();
        Assert.Equal(12, agreements.Count);
        Assert.All(agreements, a => Assert.Equal((3, 2), (a.CurrentVersion, a.Parties.Count)));
        Assert.True(agreements.Select(a => a.RegionId).Distinct().Count() >= 8, "a scaled-down run still spreads over the regions");
        Assert.Equal(36, await db.Set<AgreementVersion>().CountAsync());
        Assert.Equal(360, await db.Set<CommitmentRecord>().CountAsync());
        Assert.Equal(8, agreements.Count(a => a.Status == AgreementStatuses.Signed));
        Assert.Equal(16, await db.Set<AgreementSignature>().CountAsync());
        Assert.Equal(auditBefore, await db.AuditLog.CountAsync());

        // Versions differ from each other, and every signature is over the signed version's real hash.
        var versions = await db.Set<AgreementVersion>().AsNoTracking().ToListAsync();
        Assert.All(versions, v => Assert.Equal(AgreementStore.HashOf(v.ContentJson), v.Hash));
        Assert.Equal(36, versions.Select(v => v.Hash).Distinct().Count());
        foreach (var signature in await db.Set<AgreementSignature>().AsNoTracking().ToListAsync())
            Assert.Equal(versions.Single(v => v.AgreementId == signature.AgreementId && v.Number == signature.Version).Hash, signature.VersionHash);
        // The commitment rows of a version match its JSON, as the use cases write them.
        var first = versions.First(v => v.Number == 3);
        var content = AgreementJson.Deserialize(first.ContentJson)!;
        Assert.Equal(4, content.Sections.Count);
        Assert.Equal(AgreementRules.Commitments(content.Sections).Select(c => c.Id!.Value).Order(),
            (await db.Set<CommitmentRecord>().Where(c => c.AgreementId == first.AgreementId && c.Version == 3).Select(c => c.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task FillAsync_AtNationalScale_GivesEveryMunicipalityAnAgreement_AndVastraGotalandItsFortyNine()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        // The national count of municipalities, with the smallest content, so the test stays quick.
        var options = new NationalScaleOptions { VersionsPerAgreement = 1, SectionsPerAgreement = 1, CommitmentsPerAgreement = 1, BatchSize = 100 };
        Assert.False(await NationalScaleData.IsPresentAsync(db, options));

        var summary = await NationalScaleData.FillAsync(db, options);

        Assert.Equal(290, summary.Agreements);
        Assert.True(await NationalScaleData.IsPresentAsync(db, options));
        var perRegion = await (from a in db.Set<Agreement>()
                               join r in db.Organizations on a.RegionId equals r.Id
                               group a by r.Code into g
                               select new { Region = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Region, x => x.Count);
        Assert.Equal(21, perRegion.Count);
        // Västra Götaland is Sweden's region with the most municipalities: the comparison benchmark needs all 49.
        Assert.Equal(49, perRegion["14"]);
        Assert.Equal(15, perRegion["20"]);
        var municipalities = await (from p in db.Set<AgreementParty>()
                                    join o in db.Organizations on p.OrganizationId equals o.Id
                                    where o.Kind == Samverkan.Organizations.OrganizationKind.Municipality
                                    select o.Code).ToListAsync();
        Assert.Equal(290, municipalities.Distinct().Count());
    }

    [Fact]
    public void Scaled_TakesAFractionOfTheNationalMunicipalities()
    {
        Assert.Equal(29, NationalScaleOptions.Scaled(0.1).Municipalities);
        Assert.Equal(290, NationalScaleOptions.Scaled(1).Municipalities);
        Assert.Equal(1, NationalScaleOptions.Scaled(0).Municipalities);
        Assert.Equal((10, 12, 40), (new NationalScaleOptions().VersionsPerAgreement, new NationalScaleOptions().SectionsPerAgreement,
            new NationalScaleOptions().CommitmentsPerAgreement));
    }
}
