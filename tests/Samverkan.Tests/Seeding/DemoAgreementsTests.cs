using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Tests.Seeding;

/// <summary>The demo agreements: Dalarna's fifteen for 2023–2026 from one template, and Dalateatern's assignment for 2024.</summary>
public sealed class DemoAgreementsTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    private static readonly Dictionary<string, string> IntendedStatus = new()
    {
        ["2029"] = "signed", ["2031"] = "signed", ["2062"] = "signed", ["2080"] = "signed", ["2081"] = "signed", ["2084"] = "signed",
        ["2082"] = "agreed", ["2083"] = "agreed", ["2085"] = "agreed",
        ["2034"] = "negotiation", ["2039"] = "negotiation", ["2061"] = "negotiation",
        ["2023"] = "draft", ["2026"] = "draft",
        ["2021"] = "withdrawn",
    };

    private sealed record Demo(Agreement Agreement, string Code, AgreementContent Content);

    private async Task<List<Demo>> MunicipalAsync(SamverkanDb db)
    {
        var municipalities = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Municipality && o.CountyCode == "20")
            .ToDictionaryAsync(o => o.Id, o => o.Code);
        var agreements = await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties)
            .Where(a => a.Kind == AgreementKinds.MunicipalAgreement && a.PeriodFrom == new DateOnly(2023, 1, 1)).ToListAsync();
        var versions = await db.Set<AgreementVersion>().AsNoTracking().ToListAsync();
        return agreements.Select(a => new Demo(a, municipalities[a.Parties.Single(p => municipalities.ContainsKey(p.OrganizationId)).OrganizationId],
            AgreementJson.Deserialize(versions.Single(v => v.AgreementId == a.Id && v.Number == a.CurrentVersion).ContentJson)!)).ToList();
    }

    private async Task<(IServiceScope Scope, T UseCase)> AsAsync<T>(string? email) where T : notnull
    {
        var scope = seeded.Services.CreateScope();
        if (email is not null)
        {
            var userId = await scope.ServiceProvider.GetRequiredService<SamverkanDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            scope.ServiceProvider.GetRequiredService<ActorContext>().Current = await scope.ServiceProvider.GetRequiredService<ResolveActor>().ForUserAsync(userId);
        }
        return (scope, scope.ServiceProvider.GetRequiredService<T>());
    }

    [Fact]
    public async Task Seed_GivesEachOfTheFifteenMunicipalitiesOneAgreementFromTheTemplate_InTheIntendedStatus()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        var demo = await MunicipalAsync(db);
        var template = await db.Set<AgreementTemplate>().AsNoTracking().SingleAsync();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.StartYear == 2023);

        Assert.Equal(IntendedStatus.Keys.Order(), demo.Select(d => d.Code).Order());
        foreach (var d in demo)
        {
            Assert.Equal((IntendedStatus[d.Code], template.Id, plan.Id), (d.Agreement.Status, d.Agreement.TemplateId, d.Agreement.PlanId));
            Assert.Equal(new DateOnly(2026, 12, 31), d.Agreement.PeriodTo);
            // The open ones went from the template to the local text in two versions, the settled ones in one.
            Assert.Equal(d.Agreement.Status is "draft" or "negotiation" ? 2 : 1, d.Agreement.CurrentVersion);
            Assert.EndsWith("och Region Dalarna 2023–2026", d.Agreement.Title);
        }
        Assert.Equal((plan.Id, new DateOnly(2023, 1, 1), AgreementTemplates.DefaultTitle), (template.PlanId, template.PeriodFrom, template.Title));
    }

    [Fact]
    public async Task Seed_WritesThreeBasicValuesAndFiveToEightAreas_WithCommitmentsByBothPartiesLinkedToGoals()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        var demo = await MunicipalAsync(db);
        var planGoals = (await db.PlanGoals.AsNoTracking().Join(db.Plans.Where(p => p.StartYear == 2023), g => g.PlanId, p => p.Id, (g, _) => g.Id).ToListAsync()).ToHashSet();
        var municipalGoals = (await db.MunicipalGoals.AsNoTracking().Where(g => g.StartYear == 2023).Select(g => g.Id).ToListAsync()).ToHashSet();

        foreach (var d in demo)
        {
            var basic = d.Content.Sections.Single(s => s.Heading == "Grundläggande värden");
            Assert.Equal(3, basic.Items.Count);
            Assert.InRange(d.Content.Sections.Count(s => s.Heading is not ("Bakgrund" or "Grundläggande värden")), 5, 8);
            var commitments = AgreementRules.Commitments(d.Content.Sections).ToList();
            Assert.Contains(commitments, c => c.Parties.SequenceEqual(["20"]));
            Assert.Contains(commitments, c => c.Parties.SequenceEqual([d.Code]));
            Assert.Contains(commitments, c => c.Parties.Count == 2);
            Assert.Contains(commitments, c => c.GoalIds.Any(planGoals.Contains));
            Assert.All(commitments, c => Assert.All(c.GoalIds, g => Assert.True(planGoals.Contains(g) || municipalGoals.Contains(g))));
            Assert.Equal(commitments.Count, await db.Set<CommitmentRecord>().CountAsync(r => r.AgreementId == d.Agreement.Id && r.Version == d.Agreement.CurrentVersion));
        }
        // Some commitments serve the municipalities' own goals, and the local texts differ from one municipality to the next.
        Assert.True(demo.Count(d => AgreementRules.Commitments(d.Content.Sections).Any(c => c.GoalIds.Any(municipalGoals.Contains))) >= 3);
        Assert.True(demo.Select(d => d.Content.Sections[^1].Heading).Distinct().Count() >= 12);
        Assert.Contains(demo.Single(d => d.Code == "2039").Content.Sections, s => s.Heading.Contains("Samisk"));
        foreach (var finnish in new[] { "2061", "2081", "2085" })
            Assert.Contains(demo.Single(d => d.Code == finnish).Content.Sections, s => s.Heading == "Sverigefinsk kultur");
    }

    [Fact]
    public async Task Seed_SignedAgreementsHaveReceiptsWhoseHashesMatch_AndTheAgreedOnesAwaitSignatures()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        var demo = await MunicipalAsync(db);
        var (scope, receipt) = await AsAsync<GetSigningReceipt>("region-officer@demo.example");
        using (scope)
        {
            foreach (var d in demo.Where(d => d.Agreement.Status is "signed" or "agreed"))
            {
                var r = (await receipt.ExecuteAsync(d.Agreement.Id)).Value;
                var hash = (await db.Set<AgreementVersion>().AsNoTracking().SingleAsync(v => v.AgreementId == d.Agreement.Id && v.Number == 1)).Hash;
                Assert.Equal(2, r.Timeline.Count(e => e.Type == "approval"));
                Assert.Equal(hash, r.VersionHash);
                if (d.Agreement.Status == "signed")
                {
                    Assert.True(r.HashMatches, d.Code);
                    // Active through 2026, expired after; the demo dates are fixed, the clock is not.
                    Assert.Contains(r.Status, new[] { "active", "expired" });
                    Assert.Equal(1, r.SignedVersion);
                    var signatures = r.Timeline.Where(e => e.Type == "signature").ToList();
                    Assert.Equal([d.Code, "20"], signatures.Select(s => s.Party));
                    Assert.All(signatures, s => Assert.Equal((hash, true, "paper"), (s.VersionHash, s.HashMatches, s.Method)));
                    Assert.All(signatures, s => Assert.False(string.IsNullOrWhiteSpace(s.SignatoryName + s.Place)));
                    Assert.True(r.Timeline.Select(e => e.At).SequenceEqual(r.Timeline.Select(e => e.At).Order()));
                }
                else
                {
                    Assert.Equal(1, d.Agreement.AgreedVersion);
                    Assert.DoesNotContain(r.Timeline, e => e.Type == "signature");
                }
            }
        }
    }

    [Fact]
    public async Task Seed_NegotiationsHaveACommentAndAnOpenProposalOnAPartThatExists()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        foreach (var d in (await MunicipalAsync(db)).Where(d => d.Agreement.Status == "negotiation"))
        {
            var comment = await db.Set<AgreementComment>().AsNoTracking().SingleAsync(c => c.AgreementId == d.Agreement.Id);
            var proposal = await db.Set<AgreementProposal>().AsNoTracking().SingleAsync(p => p.AgreementId == d.Agreement.Id);
            Assert.True(ContentPath.TryGetText(d.Content, comment.Target, out _));
            Assert.True(ContentPath.TryGetText(d.Content, proposal.Target, out var current));
            Assert.Equal("open", proposal.Status);
            Assert.NotEqual(current, proposal.ProposedText);
        }
        // Smedjebacken's officer has a demo sign-in and sees the negotiation as a party.
        var (scope, negotiation) = await AsAsync<GetNegotiation>("smedjebacken@demo.example");
        using (scope)
        {
            var id = (await MunicipalAsync(db)).Single(d => d.Code == "2061").Agreement.Id;
            var view = (await negotiation.ExecuteAsync(id)).Value;
            Assert.Equal("Anna Lindberg", Assert.Single(view.Comments).Author);
            Assert.Equal("open", Assert.Single(view.Proposals).Status);
        }
    }

    [Fact]
    public async Task Seed_AddsDalateaternsSignedAssignmentWithItsGrantInTheTargets()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        var assignment = await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).SingleAsync(a => a.Kind == AgreementKinds.InstitutionAssignment);
        var theatre = await db.Organizations.SingleAsync(o => o.Code == "dalateatern");

        Assert.Equal(("signed", 1, new DateOnly(2024, 1, 1)), (assignment.Status, assignment.SignedVersion, assignment.PeriodFrom));
        Assert.Contains(assignment.Parties, p => p.OrganizationId == theatre.Id);
        var targets = await db.Set<CommitmentRecord>().Where(c => c.AgreementId == assignment.Id).Select(c => c.Target).ToListAsync();
        Assert.Contains("12 500 000 kr", targets);
        var (scope, receipt) = await AsAsync<GetSigningReceipt>(null);
        using (scope)
        {
            var publicReceipt = (await receipt.ExecuteAsync(assignment.Id)).Value;
            Assert.True(publicReceipt.HashMatches);
            Assert.Equal(["dalateatern", "20"], publicReceipt.Timeline.Where(e => e.Type == "signature").Select(e => e.Party));
        }
    }

    [Fact]
    public async Task DemoTemplate_HasNoMunicipalityLeftToDraft_AndShowsEachDraftsLocalDepartures()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        var templateId = await db.Set<AgreementTemplate>().Select(t => t.Id).SingleAsync();
        var demo = await MunicipalAsync(db);

        var (scope, drafts) = await AsAsync<CreateDraftsFromTemplate>("region-officer@demo.example");
        using (scope)
        {
            var result = (await drafts.ExecuteAsync(templateId)).Value;
            Assert.Empty(result.Created);
            Assert.Equal(15, result.Skipped.Count);
        }
        var (scope2, departures) = await AsAsync<GetTemplateDepartures>("region-officer@demo.example");
        using (scope2)
        {
            // Smedjebacken added three areas and a library item; its basic values are the template's.
            var smedjebacken = (await departures.ExecuteAsync(demo.Single(d => d.Code == "2061").Agreement.Id)).Value;
            Assert.Equal((3, 1, 0), (smedjebacken.Added, smedjebacken.Changed, smedjebacken.Removed));
            Assert.Equal("unchanged", smedjebacken.Sections.Single(s => s.Heading == "Grundläggande värden").Change);
            Assert.Equal("changed", smedjebacken.Sections.Single(s => s.Heading == "Bibliotek och läsfrämjande").Change);
        }
    }

    [Fact]
    public async Task DemoComparison_ShowsThePublicTheSixSignedAgreements_AndTheRegionAllButTheWithdrawnOne()
    {
        var (scope, compare) = await AsAsync<CompareAgreements>(null);
        using (scope)
        {
            var pub = (await compare.ExecuteAsync("20", 2024, "goal", null)).Value;
            Assert.Equal(15, pub.Rows.Count);
            Assert.Equal(6, pub.Rows.Count(r => r.AgreementId is not null));
            Assert.All(pub.Rows.Where(r => r.AgreementId is not null), r => Assert.Contains(r.Status, new[] { "active", "expired" }));
            Assert.Equal("Dalarnas kultur- och bildningsplan 2023–2026", pub.Plan!.Title);
        }
        var (scope2, staff) = await AsAsync<CompareAgreements>("region-officer@demo.example");
        using (scope2)
        {
            var all = (await staff.ExecuteAsync("20", 2024, "area", null)).Value;
            Assert.Equal(14, all.Rows.Count(r => r.AgreementId is not null));
            Assert.Null(all.Rows.Single(r => r.Municipality.Code == "2021").AgreementId);
            Assert.Equal("Grundläggande värden", all.Columns[0].Title);
        }
    }
}
