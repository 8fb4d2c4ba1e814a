using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.IntegrationTests;

/// <summary>The checked scenario of the agreements issue, step by step through the API.</summary>
[Collection(AppCollection.Name)]
public sealed class AgreementScenarioTests(AppFixture app)
{
    public static object Body(string title, string regionText = "Regionen ordnar två regionala träffar om Skapande skola varje år.", int? version = null) => new
    {
        kind = "municipal-agreement",
        title,
        reference = "RD-TEST/2027",
        date = "2026-11-28",
        parties = new[] { "20", "2061" },
        period = new { from = "2027-01-01", to = "2030-12-31" },
        caseOfficer = new { name = "Testa Handläggare", title = "Samverkansstrateg", phone = "070-000 00 00", email = "testa@region.example" },
        sections = new[]
        {
            new
            {
                heading = "Grundläggande värden",
                items = new[]
                {
                    new
                    {
                        style = "bullet",
                        text = "Alla invånare i länet ska kunna möta professionell scenkonst nära där de bor.",
                        footnotes = Array.Empty<string>(),
                        commitments = new object[]
                        {
                            new { parties = new[] { "20" }, text = regionText },
                            new { parties = new[] { "2061" }, text = "Kommunen håller en tillgänglig spelplats öppen för turnerande scenkonst." },
                            new { parties = new[] { "20", "2061" }, text = "Region och kommun följer tillsammans upp publiken varje år.", indicator = "Publik per år", target = "1 000" },
                        },
                    },
                },
            },
        },
        signatures = new[]
        {
            new { party = "2061", name = "Kommunens ordförande", role = "Ordförande kulturnämnden" },
            new { party = "20", name = "Regionens ordförande", role = "Ordförande kultur- och bildningsnämnden" },
        },
        version,
    };

    [Fact]
    public async Task CheckedScenario_FromDraftToSignedAndPublic()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var outsider = app.As(AppFixture.Mora);
        var auditBefore = await app.QueryAsync(db => db.AuditLog.CountAsync());

        // The region creates a municipal agreement between 20 and 2061.
        var created = await region.PostAsJsonAsync("/api/v1/agreements", Body("Överenskommelse mellan Smedjebackens kommun och Region Dalarna 2027–2030"));
        var v1 = await created.JsonAsync(201);
        var id = v1.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/agreements/{id}", created.Headers.Location?.ToString());
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal("draft", v1.GetProperty("status").GetString());
        Assert.Equal(["20", "2061"], v1.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var commitments = v1.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments");
        Assert.Equal(3, commitments.GetArrayLength());
        Assert.Equal(["20", "2061"], commitments[2].GetProperty("parties").EnumerateArray().Select(p => p.GetString()));

        // The municipality reads it; the public does not see a draft.
        await (await municipality.GetAsync($"/api/v1/agreements/{id}")).JsonAsync();
        await (await app.Anonymous().GetAsync($"/api/v1/public/agreements/{id}")).ProblemAsync(404);

        // The region edits with the current version.
        var v2 = await (await region.PutAsJsonAsync($"/api/v1/agreements/{id}",
            Body("Överenskommelse mellan Smedjebackens kommun och Region Dalarna 2027–2030",
                "Regionen ordnar tre regionala träffar om Skapande skola och konstnärlig gestaltning varje år.", version: 1))).JsonAsync();
        Assert.Equal(2, v2.GetProperty("version").GetInt32());

        // The municipality edits with the old version: 409, and the region's edit is kept.
        var stateBeforeStale = await app.WrittenStateAsync();
        var stale = await (await municipality.PutAsJsonAsync($"/api/v1/agreements/{id}",
            Body("Kommunens egen titel", version: 1))).ProblemAsync(409, "agreement.stale");
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt32());
        Assert.Contains(stale.GetProperty("changesSince").EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains("tre"));
        Assert.Equal(stateBeforeStale, await app.WrittenStateAsync());
        var stillV2 = await (await municipality.GetAsync($"/api/v1/agreements/{id}")).JsonAsync();
        Assert.Equal(2, stillV2.GetProperty("version").GetInt32());
        Assert.Contains("tre regionala träffar", stillV2.GetRawText());

        // Another municipality: 403 on every write, 404 on reading the draft.
        var outsiderBefore = await app.WrittenStateAsync();
        await (await outsider.GetAsync($"/api/v1/agreements/{id}")).ProblemAsync(404);
        await (await outsider.PutAsJsonAsync($"/api/v1/agreements/{id}", Body("Mora tar över", version: 2))).ProblemAsync(403, "access.forbidden");
        await (await outsider.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).ProblemAsync(403, "access.forbidden");
        await (await outsider.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 2 })).ProblemAsync(403, "access.forbidden");
        Assert.Equal(outsiderBefore, await app.WrittenStateAsync());

        // The region moves it to negotiation; both approve the latest version: agreed.
        var negotiation = await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
        Assert.Equal("negotiation", negotiation.GetProperty("status").GetString());
        var afterOne = await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 2 })).JsonAsync();
        Assert.Equal("negotiation", afterOne.GetProperty("status").GetString());
        var agreed = await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 2 })).JsonAsync();
        Assert.Equal("agreed", agreed.GetProperty("status").GetString());

        // Both officers record their party's signature: signed, both with the same 64-hex version hash.
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures",
            new { version = 2, name = "Kommunens ordförande", role = "Ordförande kulturnämnden", place = "Smedjebacken", date = "2026-12-01" })).JsonAsync();
        var signed = await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures",
            new { version = 2, name = "Regionens ordförande", role = "Ordförande kultur- och bildningsnämnden", place = "Falun", date = "2026-12-02" })).JsonAsync();
        Assert.Contains(signed.GetProperty("status").GetString(), new[] { "signed", "active" });
        var hashes = signed.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("versionHash").GetString()).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.Single(hashes.Distinct());

        // The public URL now answers.
        var pub = await (await app.Anonymous().GetAsync($"/api/v1/public/agreements/{id}")).JsonAsync();
        Assert.Equal(2, pub.GetProperty("version").GetInt32());

        // The receipt lists both approvals and signatures and says the hash matches.
        var receipt = await (await region.GetAsync($"/api/v1/agreements/{id}/receipt")).JsonAsync();
        Assert.True(receipt.GetProperty("hashMatches").GetBoolean());
        var timeline = receipt.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(2, timeline.Count(e => e.GetProperty("type").GetString() == "approval"));
        Assert.Equal(2, timeline.Count(e => e.GetProperty("type").GetString() == "signature"));
        Assert.All(timeline.Where(e => e.GetProperty("type").GetString() == "signature"),
            e => Assert.Equal("electronic", e.GetProperty("method").GetString()));
        Assert.Equal(hashes[0], receipt.GetProperty("versionHash").GetString());

        // The diff between version 1 and the latest names the edited words.
        var diff = await (await region.GetAsync($"/api/v1/agreements/{id}/versions/1/diff/2")).JsonAsync();
        var segments = diff.GetProperty("segments").EnumerateArray().ToList();
        var inserted = string.Concat(segments.Where(s => s.GetProperty("op").GetString() == "insert").Select(s => s.GetProperty("text").GetString()));
        var deleted = string.Concat(segments.Where(s => s.GetProperty("op").GetString() == "delete").Select(s => s.GetProperty("text").GetString()));
        Assert.Contains("tre", inserted);
        Assert.Contains("konstnärlig gestaltning", inserted);
        Assert.Contains("två", deleted);

        // Versions are listed with who made them.
        var versions = await (await region.GetAsync($"/api/v1/agreements/{id}/versions")).JsonAsync();
        Assert.Equal([2, 1], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));

        // Every write above appears in the audit log.
        var entityLog = await app.QueryAsync(db => db.AuditLog.Where(a => a.EntityId == id || a.EntityId.StartsWith(id)).Select(a => a.EntityType).ToListAsync());
        Assert.Contains("Agreement", entityLog);
        var all = await app.QueryAsync(db => db.AuditLog.Where(a => a.Id > auditBefore).Select(a => a.EntityType).ToListAsync());
        Assert.Equal(2, all.Count(t => t == "AgreementVersion"));
        Assert.Equal(2, all.Count(t => t == "AgreementApproval"));
        Assert.Equal(2, all.Count(t => t == "AgreementSignature"));

        // A signed agreement cannot be edited; an amendment is a new version while the signed one stays in force.
        await (await region.PutAsJsonAsync($"/api/v1/agreements/{id}", Body("Ändrad efter underskrift", version: 2))).ProblemAsync(409, "agreement.signed");
        var amendment = await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/amendments", new { note = "Tillägg om dans" })).JsonAsync();
        Assert.Equal(3, amendment.GetProperty("version").GetInt32());
        Assert.Equal("draft", amendment.GetProperty("status").GetString());
        var stillPublic = await (await app.Anonymous().GetAsync($"/api/v1/public/agreements/{id}")).JsonAsync();
        Assert.Equal(2, stillPublic.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task BadInput_IsRefusedWithCodes_AndNothingWritten()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var before = await app.WrittenStateAsync();
        async Task Refused(object body, int status, string code) =>
            await (await region.PostAsJsonAsync("/api/v1/agreements", body)).ProblemAsync(status, code);

        await Refused(new { kind = "municipal-agreement", title = "x", parties = new[] { "20", "9999" } }, 400, "agreement.party-unknown");
        await Refused(new { kind = "municipal-agreement", title = "x", parties = new[] { "20" } }, 400, "agreement.parties-too-few");
        await Refused(new { kind = "municipal-agreement", title = "x", parties = new[] { "20", "2061" }, period = new { from = "2030-01-01", to = "2027-12-31" } },
            400, "agreement.period-invalid");
        await Refused(new { kind = "treaty", title = "x", parties = new[] { "20", "2061" } }, 400, "agreement.kind-invalid");
        await Refused(new { kind = "municipal-agreement", title = "", parties = new[] { "20", "2061" } }, 400, "agreement.title-required");
        // Beyond what the commitment rows' columns hold, or a NUL: 400 on both databases (PostgreSQL would refuse the write).
        object WithCommitment(string text, string? indicator) => new
        {
            kind = "municipal-agreement", title = "x", parties = new[] { "20", "2061" },
            sections = new[] { new { heading = "Scen", items = new[] { new { text = "Punkt", commitments = new[] { new { parties = new[] { "2061" }, text, indicator } } } } } },
        };
        await Refused(WithCommitment("Kommunen mäter.", new string('å', 501)), 400, "agreement.indicator-too-long");
        await Refused(WithCommitment("Kommunen mäter\0 publiken.", null), 400, "agreement.text-invalid");
        await Refused(new { kind = "municipal-agreement", title = "x", reference = new string('1', 51), parties = new[] { "20", "2061" } }, 400, "agreement.reference-too-long");
        // The region may not make an agreement between two other parties it does not belong to.
        await (await app.As(AppFixture.Smedjebacken).PostAsJsonAsync("/api/v1/agreements",
            new { kind = "municipal-agreement", title = "x", parties = new[] { "20", "2062" } })).ProblemAsync(403, "access.forbidden");
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/agreements", Body("x"))).ProblemAsync(401);
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task SigningRules_AreEnforced()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var id = (await (await region.PostAsJsonAsync("/api/v1/agreements", Body("Regler för underskrift"))).JsonAsync(201)).GetProperty("id").GetString();

        // Not agreed yet: no signature; illegal transitions answer 409 with a code.
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 1, name = "x" })).ProblemAsync(409, "agreement.not-agreed");
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "signed" })).ProblemAsync(409, "agreement.transition-invalid");
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).ProblemAsync(409, "agreement.not-in-negotiation");

        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 7 })).ProblemAsync(409, "agreement.version-not-current");
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).ProblemAsync(409, "agreement.already-approved");
        // An approval from a non-party (a viewer of the region has no writing role) is refused.
        await (await app.As(AppFixture.Viewer).PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).ProblemAsync(403);
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();

        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 2, name = "x" })).ProblemAsync(409, "agreement.version-not-agreed");
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 1, name = "Regionens ordförande" })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 1, name = "Igen" })).ProblemAsync(409, "agreement.already-signed-by-party");
        // A paper signature recorded by the municipality's officer.
        var signed = await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures",
            new { version = 1, name = "Kommunens ordförande", role = "Ordförande", place = "Smedjebacken", date = "2026-11-20", method = "paper" })).JsonAsync();
        Assert.Contains(signed.GetProperty("status").GetString(), new[] { "signed", "active" });
        var receipt = await (await municipality.GetAsync($"/api/v1/agreements/{id}/receipt")).JsonAsync();
        Assert.Contains(receipt.GetProperty("timeline").EnumerateArray(), e => e.TryGetProperty("method", out var m) && m.GetString() == "paper");
    }

    [Fact]
    public async Task Negotiation_CommentsAndProposals()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var id = (await (await region.PostAsJsonAsync("/api/v1/agreements", Body("Förhandling"))).JsonAsync(201)).GetProperty("id").GetString();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();

        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/comments", new { target = "sections[0].items[0]", text = "Kan vi nämna dans?" })).JsonAsync(201);
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/comments", new { target = "sections[9]", text = "x" })).ProblemAsync(400, "comment.target-invalid");
        var proposal = await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/proposals",
            new { target = "sections[0].items[0].commitments[1]", proposedText = "Kommunen håller två tillgängliga spelplatser öppna.", reason = "Vi har två scener." })).JsonAsync(201);
        var pid = proposal.GetProperty("id").GetString();
        // The proposer cannot answer its own proposal.
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/proposals/{pid}/answers", new { accept = true })).ProblemAsync(403);
        var answered = await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/proposals/{pid}/answers", new { accept = true })).JsonAsync();
        Assert.Equal(2, answered.GetProperty("resultVersion").GetInt32());
        var latest = await (await region.GetAsync($"/api/v1/agreements/{id}")).JsonAsync();
        Assert.Contains("två tillgängliga spelplatser", latest.GetRawText());
        var negotiation = await (await region.GetAsync($"/api/v1/agreements/{id}/negotiation")).JsonAsync();
        Assert.Single(negotiation.GetProperty("comments").EnumerateArray());
        Assert.Equal("accepted", negotiation.GetProperty("proposals")[0].GetProperty("status").GetString());
        // The other party was told: messages wait in the outbox.
        Assert.True(await app.QueryAsync(db => db.Set<Samverkan.Notifications.OutboxMessage>().CountAsync(m => m.RelatedId == id)) >= 3);
    }

    [Fact]
    public async Task List_ShowsSignedToThePublic_AndDraftsToParties()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var id = (await (await region.PostAsJsonAsync("/api/v1/agreements", Body("Listad som utkast"))).JsonAsync(201)).GetProperty("id").GetString();
        var mine = await (await region.GetAsync("/api/v1/agreements?region=20&period=2028")).JsonAsync();
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        var pub = await (await app.Anonymous().GetAsync("/api/v1/agreements?region=20&period=2028")).JsonAsync();
        Assert.DoesNotContain(pub.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        var otherYear = await (await region.GetAsync("/api/v1/agreements?region=20&period=2020")).JsonAsync();
        Assert.DoesNotContain(otherYear.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }
}
