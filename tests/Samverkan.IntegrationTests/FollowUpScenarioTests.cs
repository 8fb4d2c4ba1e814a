using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Samverkan.FollowUp;
using Samverkan.Notifications;

namespace Samverkan.IntegrationTests;

/// <summary>A follow-up round from opening to acceptance through the API, with the refusals around it.</summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpScenarioTests(AppFixture app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    private sealed record Signed(string PlanId, string AgreementId, string Region, string Municipal, string SecondMunicipal, string Joint);

    /// <summary>A plan of its own for 2027–2030 and a signed agreement 20–2061 under it: commitments by the region, the municipality (two) and both.</summary>
    private async Task<Signed> SignedAgreementAsync(string title)
    {
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var plan = await (await region.PostAsJsonAsync("/api/v1/plans", new
        {
            regionCode = "20", title = $"Kulturplan för uppföljningstest: {title}", startYear = 2027, endYear = 2030, status = "adopted",
        })).JsonAsync(201);
        var planId = plan.GetProperty("id").GetString()!;
        var created = await (await region.PostAsJsonAsync("/api/v1/agreements", new
        {
            kind = "municipal-agreement", title, parties = new[] { "20", "2061" }, planId,
            period = new { from = "2027-01-01", to = "2030-12-31" },
            sections = new[]
            {
                new
                {
                    heading = "Läsning och bibliotek",
                    items = new[]
                    {
                        new
                        {
                            text = "Fler barn ska läsa.",
                            commitments = new object[]
                            {
                                new { parties = new[] { "20" }, text = "Länsbiblioteket ordnar två fortbildningsdagar om året för kommunens bibliotekarier." },
                                new { parties = new[] { "2061" }, text = "Kommunen delar ut bokpåsar till alla ettåringar.", indicator = "Utdelade bokpåsar", target = "100 per år" },
                                new { parties = new[] { "2061" }, text = "Kommunen har sommarboksklubb i alla tre biblioteken." },
                                new { parties = new[] { "20", "2061" }, text = "Region och kommun bjuder in en författare till skolorna varje höst." },
                            },
                        },
                    },
                },
            },
        })).JsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        var ids = created.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
        foreach (var client in new[] { region, municipality })
            await (await client.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
        foreach (var client in new[] { municipality, region })
            await (await client.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures",
                new { version = 1, name = "Ordförande", role = "Ordförande", place = "Smedjebacken", method = "electronic" })).JsonAsync();
        return new Signed(planId, id, ids[0], ids[1], ids[2], ids[3]);
    }

    private static async Task<string> OpenRoundAsync(HttpClient region, string planId)
    {
        var response = await region.PostAsJsonAsync("/api/v1/follow-up-rounds",
            new { planId, year = 2027, deadline = "2028-03-31", instructions = "Svara för varje åtagande. Bifoga gärna program eller bilder." });
        var round = await response.JsonAsync(201);
        var id = round.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/follow-up-rounds/{id}", response.Headers.Location?.ToString());
        return id;
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content, string mediaType = "application/octet-stream")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static object Entry(string status, int? progress, string narrative, int? version = null, object[]? indicators = null) =>
        new { status, progress, narrative, version, indicators = indicators ?? [] };

    [Fact]
    public async Task FullRound_OpenFillUploadSubmitReturnResubmitAccept()
    {
        var s = await SignedAgreementAsync("Överenskommelse för uppföljningstest: hela omgången");
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var roundId = await OpenRoundAsync(region, s.PlanId);
        var rounds = await (await municipality.GetAsync("/api/v1/follow-up-rounds?region=20")).JsonAsync();
        Assert.Contains(rounds.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == roundId);

        // 2061 reads its form: its two own commitments and the joint one.
        var form = await (await municipality.GetAsync($"/api/v1/follow-up-rounds/{roundId}/agreements/{s.AgreementId}/form")).JsonAsync();
        Assert.Equal([s.Municipal, s.SecondMunicipal, s.Joint], form.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("commitmentId").GetString()));
        Assert.True(form.GetProperty("canEdit").GetBoolean());
        Assert.Equal("2028-03-31", form.GetProperty("round").GetProperty("deadline").GetString());

        // ... fills every entry ...
        var entry = await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Municipal}",
            Entry("done", 100, "Alla ettåringar fick en bokpåse på BVC.", indicators: [new { name = "Utdelade bokpåsar", value = 104, unit = "st" }]))).JsonAsync();
        Assert.Equal((1, "done", 104m), (entry.GetProperty("version").GetInt32(), entry.GetProperty("status").GetString(),
            entry.GetProperty("indicators")[0].GetProperty("value").GetDecimal()));
        await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.SecondMunicipal}",
            Entry("ongoing", 66, "Två av tre bibliotek hade bokklubb i somras."))).JsonAsync();
        await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Joint}",
            Entry("done", null, "En författare besökte fyra klasser i oktober."))).JsonAsync();

        // ... uploads evidence, which comes back only as a download ...
        var uploaded = await municipality.PostAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Joint}/evidence", Upload("Författarbesök program.pdf", Pdf));
        var evidence = await uploaded.JsonAsync(201);
        var evidenceUrl = evidence.GetProperty("url").GetString()!;
        Assert.Equal(evidenceUrl, uploaded.Headers.Location?.ToString());
        var download = await region.GetAsync(evidenceUrl);
        Assert.Equal(200, (int)download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Författarbesök program.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // ... and submits.
        var submitted = await (await municipality.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions",
            new { agreementId = s.AgreementId, party = "2061" })).JsonAsync();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        var submissionId = submitted.GetProperty("id").GetString()!;
        await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.SecondMunicipal}",
            Entry("done", 100, "Nu alla tre.", version: 1))).ProblemAsync(409, "follow-up.submission-locked");

        // The region returns it with a comment; the comment is required.
        await (await region.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions/{submissionId}/review", new { decision = "return" }))
            .ProblemAsync(400, "follow-up.comment-required");
        var returned = await (await region.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions/{submissionId}/review",
            new { decision = "return", comment = "Vilket bibliotek saknade bokklubb, och varför?" })).JsonAsync();
        Assert.Equal("returned", returned.GetProperty("status").GetString());

        // 2061 edits and submits again; the region accepts.
        await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.SecondMunicipal}",
            Entry("ongoing", 66, "Biblioteket i Söderbärke var stängt för renovering i juli; bokklubben flyttade dit i augusti.", version: 1))).JsonAsync();
        await (await municipality.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions", new { agreementId = s.AgreementId })).JsonAsync();
        var accepted = await (await region.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions/{submissionId}/review",
            new { decision = "accept" })).JsonAsync();
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(["submitted", "returned", "submitted", "accepted"], accepted.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        // The round shows 2061 as accepted; the region's own part is still a draft.
        var round = await (await region.GetAsync($"/api/v1/follow-up-rounds/{roundId}")).JsonAsync();
        var mine = round.GetProperty("agreements").EnumerateArray().Single(a => a.GetProperty("agreementId").GetString() == s.AgreementId);
        var statuses = mine.GetProperty("submissions").EnumerateArray().ToDictionary(p => p.GetProperty("party").GetProperty("code").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal(("accepted", "draft"), (statuses["2061"], statuses["20"]));

        // The timeline of the library commitment tells the story; the outbox told the region and the municipality.
        var timeline = await (await municipality.GetAsync($"/api/v1/commitments/{s.SecondMunicipal}/timeline")).JsonAsync();
        Assert.Equal(["created", "submitted", "returned", "updated", "submitted", "accepted"],
            timeline.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var kinds = await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Body.Contains("hela omgången")).Select(m => m.Kind + " " + m.To).ToListAsync());
        Assert.Contains($"{FollowUpNotifier.SubmittedKind} {AppFixture.RegionOfficer}", kinds);
        Assert.Contains($"{FollowUpNotifier.ReturnedKind} {AppFixture.Smedjebacken}", kinds);

        // Closing ends the round for everyone.
        var closed = await (await region.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/transitions", new { to = "closed" })).JsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        await (await region.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Region}", Entry("done", 100, "Två dagar hölls.")))
            .ProblemAsync(409, "follow-up.round-closed");
    }

    [Fact]
    public async Task AnotherMunicipality_GetsForbiddenOrNotFound_AndWritesNothing()
    {
        var s = await SignedAgreementAsync("Överenskommelse för uppföljningstest: obehöriga");
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var mora = app.As(AppFixture.Mora);
        var roundId = await OpenRoundAsync(region, s.PlanId);
        await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Municipal}", Entry("ongoing", 10, "Start."))).JsonAsync();
        var evidenceUrl = (await (await municipality.PostAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Municipal}/evidence", Upload("a.pdf", Pdf)))
            .JsonAsync(201)).GetProperty("url").GetString()!;
        foreach (var c in new[] { s.SecondMunicipal, s.Joint })
            await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{c}", Entry("ongoing", 10, "Start."))).JsonAsync();
        var submissionId = (await (await municipality.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions", new { agreementId = s.AgreementId }))
            .JsonAsync()).GetProperty("id").GetString();

        var before = await app.WrittenStateAsync();
        await (await mora.GetAsync($"/api/v1/follow-up-rounds/{roundId}/agreements/{s.AgreementId}/form?party=2061")).ProblemAsync(403, "access.forbidden");
        await (await mora.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Municipal}", Entry("done", 100, "Klart!"))).ProblemAsync(403, "access.forbidden");
        await (await mora.PostAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Municipal}/evidence", Upload("b.pdf", Pdf))).ProblemAsync(403, "access.forbidden");
        await (await mora.GetAsync(evidenceUrl)).ProblemAsync(404, "evidence.not-found");
        await (await mora.DeleteAsync(evidenceUrl)).ProblemAsync(403, "access.forbidden");
        await (await mora.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions", new { agreementId = s.AgreementId, party = "2061" }))
            .ProblemAsync(403, "access.forbidden");
        await (await mora.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions/{submissionId}/review", new { decision = "accept" }))
            .ProblemAsync(403, "access.forbidden");
        await (await mora.GetAsync($"/api/v1/commitments/{s.Municipal}/timeline")).ProblemAsync(403, "access.forbidden");
        await (await mora.PostAsJsonAsync("/api/v1/follow-up-rounds", new { planId = s.PlanId, year = 2028, deadline = "2029-03-31" })).ProblemAsync(403, "access.forbidden");
        await (await app.Anonymous().GetAsync($"/api/v1/follow-up-rounds/{roundId}")).ProblemAsync(401, "access.unauthenticated");
        await (await app.Anonymous().GetAsync(evidenceUrl)).ProblemAsync(401, "access.unauthenticated");
        var round = await (await mora.GetAsync($"/api/v1/follow-up-rounds/{roundId}")).JsonAsync();
        Assert.DoesNotContain(round.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("agreementId").GetString() == s.AgreementId);
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task BadEntriesAndFiles_AreProblemJsonNamingTheField_AndWriteNothing()
    {
        var s = await SignedAgreementAsync("Överenskommelse för uppföljningstest: felaktiga svar");
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var roundId = await OpenRoundAsync(region, s.PlanId);
        await (await municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/entries/{s.Municipal}", Entry("ongoing", 10, "Start."))).JsonAsync();
        var entries = $"/api/v1/follow-up-rounds/{roundId}/entries";

        var before = await app.WrittenStateAsync();
        var progress = await (await municipality.PutAsJsonAsync($"{entries}/{s.SecondMunicipal}", Entry("ongoing", 150, "För mycket."))).ProblemAsync(400, "follow-up.progress-invalid");
        Assert.True(progress.GetProperty("errors").TryGetProperty("progress", out _));
        await (await municipality.PutAsJsonAsync($"{entries}/{s.SecondMunicipal}", Entry("klar", 100, "?"))).ProblemAsync(400, "follow-up.status-invalid");
        var notHeld = await (await municipality.PutAsJsonAsync($"{entries}/{s.Region}", Entry("done", 100, "Vi svarar för regionen."))).ProblemAsync(400, "follow-up.commitment-not-held");
        Assert.True(notHeld.GetProperty("errors").TryGetProperty("commitmentId", out _));
        await (await municipality.PutAsJsonAsync($"{entries}/{Guid.NewGuid()}", Entry("done", 100, "?"))).ProblemAsync(404, "follow-up.commitment-unknown");
        await (await municipality.PutAsJsonAsync($"{entries}/{s.Municipal}", Entry("done", 100, "Utan version."))).ProblemAsync(400, "follow-up.version-required");
        await (await municipality.PutAsync($"{entries}/{s.Municipal}", new StringContent("{\"status\": \"done\", \"progress\": \"mycket\"}", Encoding.UTF8, "application/json")))
            .ProblemAsync(400, "request.invalid");
        await (await municipality.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/submissions", new { agreementId = s.AgreementId })).ProblemAsync(400, "follow-up.entries-missing");

        var tooLarge = await (await municipality.PostAsync($"{entries}/{s.Municipal}/evidence",
            Upload("stor.pdf", [.. Pdf, .. new byte[EvidenceOptions.DefaultMaxBytes]], "application/pdf"))).ProblemAsync(413, "evidence.too-large");
        Assert.Contains("10 MB", tooLarge.GetProperty("detail").GetString());
        await (await municipality.PostAsync($"{entries}/{s.Municipal}/evidence", Upload("program.exe", [0x4D, 0x5A, 0x90, 0]))).ProblemAsync(415, "evidence.type-refused");
        await (await municipality.PostAsync($"{entries}/{s.Municipal}/evidence", Upload("program.pdf", "<html><script></script></html>"u8.ToArray(), "application/pdf")))
            .ProblemAsync(415, "evidence.content-mismatch");
        var notAForm = await (await municipality.PostAsync($"{entries}/{s.Municipal}/evidence", new StringContent("{}", Encoding.UTF8, "application/json")))
            .ProblemAsync(415, "request.unsupported-media-type");
        Assert.Equal("Mediatypen stöds inte", notAForm.GetProperty("title").GetString());
        var noFile = new MultipartFormDataContent { { new StringContent("2061"), "party" } };
        await (await municipality.PostAsync($"{entries}/{s.Municipal}/evidence", noFile)).ProblemAsync(400, "evidence.file-required");
        await (await municipality.PostAsync($"{entries}/{s.SecondMunicipal}/evidence", Upload("a.pdf", Pdf))).ProblemAsync(409, "follow-up.entry-required");
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public void TheApp_RefusesToStart_WithTheEvidenceFolderInsideTheWebRoot()
    {
        var webRoot = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(webRoot.FullName, "src", "Samverkan.Web", "wwwroot"))) webRoot = webRoot.Parent!;
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in app.Database.Settings) b.UseSetting(key, value);
            b.UseSetting("Evidence:Folder", Path.Combine(webRoot.FullName, "src", "Samverkan.Web", "wwwroot", "evidence"));
            b.UseEnvironment("Testing");
        });
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("lies inside the web root", error.Message);
    }

    [Fact]
    public async Task TheApiDescription_ListsTheFollowUpEndpoints()
    {
        var openapi = await (await app.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/v1/follow-up-rounds", "/api/v1/follow-up-rounds/{id}", "/api/v1/follow-up-rounds/{id}/agreements/{agreementId}/form",
                     "/api/v1/follow-up-rounds/{id}/entries/{commitmentId}", "/api/v1/follow-up-rounds/{id}/submissions",
                     "/api/v1/follow-up-rounds/{id}/submissions/{submissionId}/review", "/api/v1/follow-up-rounds/{id}/entries/{commitmentId}/evidence",
                     "/api/v1/evidence/{id}", "/api/v1/commitments/{commitmentId}/timeline", "/api/v1/follow-up-rounds/{id}/forms/{organizationCode}",
                 })
            Assert.True(paths.TryGetProperty(path, out _), path);
        var upload = paths.GetProperty("/api/v1/follow-up-rounds/{id}/entries/{commitmentId}/evidence").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(upload.GetProperty("responses").TryGetProperty("413", out _));
        Assert.Equal("Uppföljning", paths.GetProperty("/api/v1/follow-up-rounds").GetProperty("post").GetProperty("tags")[0].GetString());
        var form = paths.GetProperty("/api/v1/follow-up-rounds/{id}/forms/{organizationCode}");
        Assert.Equal([FollowUpFormFormats.XlsxMediaType, "text/csv"],
            form.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Order());
        var put = form.GetProperty("put");
        Assert.Equal([FollowUpFormFormats.XlsxMediaType, "text/csv"], put.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order());
        Assert.True(put.GetProperty("responses").TryGetProperty("413", out _));
    }

    private static async Task<HttpResponseMessage> GetFormAsync(HttpClient client, string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    private static ByteArrayContent FormFile(byte[] content, string mediaType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return body;
    }

    [Fact]
    public async Task PartysForm_DownloadsAsCsvOrExcel_ByAcceptOrFormat_AndAnEditedFileIsPutBack()
    {
        var s = await SignedAgreementAsync("Överenskommelse för uppföljningstest: formulär som fil");
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var roundId = await OpenRoundAsync(region, s.PlanId);
        var url = $"/api/v1/follow-up-rounds/{roundId}/forms/2061";

        var csv = await GetFormAsync(municipality, url, "text/csv");
        Assert.Equal(200, (int)csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("uppfoljning-2027-2061.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Accept", csv.Headers.Vary);
        var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("\"overenskommelse_id\";\"atagande_id\"", text);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        foreach (var (accept, query) in new[] { (FollowUpFormFormats.XlsxMediaType, ""), ("application/json", "?format=xlsx"), ("application/*", "") })
        {
            var xlsx = await GetFormAsync(municipality, url + query, accept);
            Assert.Equal(FollowUpFormFormats.XlsxMediaType, xlsx.Content.Headers.ContentType?.MediaType);
            Assert.True(FollowUpFormFormats.LooksLikeXlsx(await xlsx.Content.ReadAsByteArrayAsync()));
        }
        Assert.Equal("text/csv", (await GetFormAsync(region, url, null)).Content.Headers.ContentType?.MediaType);
        await (await GetFormAsync(municipality, url, "application/json")).ProblemAsync(406, "request.not-acceptable");
        await (await GetFormAsync(municipality, url + "?format=pdf", null)).ProblemAsync(400, "follow-up.format-invalid");
        await (await GetFormAsync(app.As(AppFixture.Mora), url, null)).ProblemAsync(404, "follow-up.form-not-found");
        await (await GetFormAsync(app.Anonymous(), url, null)).ProblemAsync(401);

        var edited = text.Replace($"\"{s.Municipal}\";\"Läsning och bibliotek\";\"Kommunen delar ut bokpåsar till alla ettåringar.\";\"\";\"\"",
            $"\"{s.Municipal}\";\"Läsning och bibliotek\";\"Kommunen delar ut bokpåsar till alla ettåringar.\";\"ongoing\";\"60\"");
        Assert.NotEqual(text, edited);
        var imported = await (await municipality.PutAsync(url, FormFile(Encoding.UTF8.GetBytes(edited), "text/csv; charset=utf-8"))).JsonAsync();
        Assert.Equal((3, 1, 0, 2), (imported.GetProperty("rows").GetInt32(), imported.GetProperty("changed").GetInt32(),
            imported.GetProperty("unchanged").GetInt32(), imported.GetProperty("skipped").GetInt32()));
        var form = await (await municipality.GetAsync($"/api/v1/follow-up-rounds/{roundId}/agreements/{s.AgreementId}/form")).JsonAsync();
        var entry = form.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("commitmentId").GetString() == s.Municipal).GetProperty("entry");
        Assert.Equal(("ongoing", 60), (entry.GetProperty("status").GetString(), entry.GetProperty("progress").GetInt32()));

        // The same answers as a workbook, put back unchanged: nothing to do, and PUT twice gives the same state.
        var workbook = await (await GetFormAsync(municipality, url, FollowUpFormFormats.XlsxMediaType)).Content.ReadAsByteArrayAsync();
        var before = await app.WrittenStateAsync();
        var again = await (await municipality.PutAsync(url, FormFile(workbook, FollowUpFormFormats.XlsxMediaType))).JsonAsync();
        Assert.Equal((0, 1), (again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task BadFormFiles_AreProblemJsonListingEveryLine_AndWriteNothing()
    {
        var s = await SignedAgreementAsync("Överenskommelse för uppföljningstest: felaktig fil");
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var roundId = await OpenRoundAsync(region, s.PlanId);
        var url = $"/api/v1/follow-up-rounds/{roundId}/forms/2061";
        var unknown = Guid.NewGuid();
        var file = string.Join("\r\n",
            "overenskommelse_id;atagande_id;avsnitt;atagande;status;procent;beskrivning",
            $"{s.AgreementId};{s.Municipal};;;done;100;Klart.",
            $"{s.AgreementId};{unknown};;;done;100;",
            $"{s.AgreementId};{s.Joint};;;ongoing;fyrtio;",
            $"{s.AgreementId};{s.Region};;;done;100;");

        var before = await app.WrittenStateAsync();
        var problem = await (await municipality.PutAsync(url, FormFile(Encoding.UTF8.GetBytes(file), "text/csv"))).ProblemAsync(400, "follow-up.import-invalid");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(3, "atagande_id", "follow-up.commitment-unknown"), (4, "procent", "follow-up.import-number-malformed"),
            (5, "atagande_id", "follow-up.commitment-not-held")], errors);
        Assert.StartsWith("Filen har 3 fel. Inget har sparats.", problem.GetProperty("detail").GetString());
        Assert.StartsWith("Rad 4: procent \"fyrtio\"", problem.GetProperty("errors")[1].GetProperty("message").GetString());

        var header = await (await municipality.PutAsync(url, FormFile("id;status\r\n"u8.ToArray(), "text/csv"))).ProblemAsync(400, "follow-up.import-invalid");
        Assert.Equal(("header", 1), (header.GetProperty("errors")[0].GetProperty("field").GetString(), header.GetProperty("errors")[0].GetProperty("line").GetInt32()));
        await (await municipality.PutAsync(url, FormFile(Encoding.UTF8.GetBytes(file), "application/json"))).ProblemAsync(415, "request.unsupported-media-type");
        await (await municipality.PutAsync(url, FormFile(new byte[FollowUpLimits.ImportBytes + 1], "text/csv"))).ProblemAsync(413, ImportFollowUpForm.TooLarge);
        await (await region.PutAsync(url, FormFile(Encoding.UTF8.GetBytes(file), "text/csv"))).ProblemAsync(403, "access.forbidden");
        await (await app.As(AppFixture.Mora).PutAsync(url, FormFile(Encoding.UTF8.GetBytes(file), "text/csv"))).ProblemAsync(404, "follow-up.form-not-found");
        Assert.Equal(before, await app.WrittenStateAsync());

        await (await region.PostAsJsonAsync($"/api/v1/follow-up-rounds/{roundId}/transitions", new { to = "closed" })).JsonAsync();
        await (await municipality.PutAsync(url, FormFile(Encoding.UTF8.GetBytes(file), "text/csv"))).ProblemAsync(409, "follow-up.round-closed");
    }
}
