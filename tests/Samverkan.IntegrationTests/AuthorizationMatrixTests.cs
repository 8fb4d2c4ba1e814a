using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Data;

namespace Samverkan.IntegrationTests;

/// <summary>
/// Every write the app offers — API endpoints read from its own route table, page handlers read from its page
/// models — tried by every kind of account: anonymous, a viewer, the region's officer and admin, the municipality's
/// officer, another municipality's officer and another region's officer. The allowed ones get 2xx; everyone else
/// 401 (API, anonymous), a sign-in redirect (pages, anonymous) or 403/404, with the database exactly as it was.
/// A new write endpoint or page handler without a rule here fails <see cref="EveryWrite_HasARule"/>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(AppFixture app)
{
    private static readonly string[] Everyone =
    [
        "anonymous", AppFixture.Viewer, AppFixture.RegionOfficer, AppFixture.RegionAdmin, AppFixture.Smedjebacken,
        AppFixture.Mora, AppFixture.Gavleborg,
    ];

    private static readonly string[] RegionStaff = [AppFixture.RegionOfficer, AppFixture.RegionAdmin];
    private static readonly string[] Parties = [AppFixture.RegionOfficer, AppFixture.RegionAdmin, AppFixture.Smedjebacken];
    private static readonly string[] Smedjebacken = [AppFixture.Smedjebacken];

    /// <summary>Officers and admins of any organization: reading a file into a preview writes nothing and needs no party.</summary>
    private static readonly string[] Officers = [.. Parties, AppFixture.Mora, AppFixture.Gavleborg];

    /// <summary>Writes that anyone may make, with the reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["page LoggaInModel.Post"] = "signing in is how an anonymous visitor becomes someone",
        ["page LoggaUtModel.Post"] = "signing out changes only the visitor's own cookie",
        ["page FelModel.Post"] = "the error page also answers a POST re-executed for a 413 or 429, and writes nothing",
    };

    private static int _years;

    /// <summary>
    /// A first year for a four-year period, in turn over 2067–2096 (the app takes years up to 2100; other test classes use 2039–2066): far from the
    /// demo data and the other tests, and different from the last few cases', so drafts and templates don't meet.
    /// </summary>
    private static int NextYear() => 2067 + Interlocked.Increment(ref _years) % 30;

    // ---- The rules ------------------------------------------------------------------------------------------

    private sealed record ApiCase(string Method, string Route, string[] Allowed, Func<Arrange, Task<ApiRequest>> Prepare);

    private sealed record ApiRequest(string Url, HttpContent? Body);

    /// <param name="RefusedWithFormError">Accounts the page refuses with a form error (200, nothing written) instead of 403.</param>
    private sealed record PageCase(string Key, string[] Allowed, Func<Arrange, Task<PageRequest>> Prepare, string[]? RefusedWithFormError = null);

    /// <summary>The page to open, the form's handler, and the fields to post beside what the form renders.</summary>
    private sealed record PageRequest(string Url, string? Handler, Dictionary<string, string[]> Fields, HttpStatusCode Success = HttpStatusCode.Redirect,
        (string Field, string Name, byte[] Bytes)? File = null, bool FormShownOnlyAfterPreview = false);

    private static T Period<T>(Func<int, T> make) => make(NextYear());

    private static Dictionary<string, string[]> PeriodFields(string from, string to)
    {
        var year = NextYear();
        return new() { [from] = [$"{year}"], [to] = [$"{year + 3}"] };
    }

    private static StringContent Json(object body) => JsonContent(System.Text.Json.JsonSerializer.Serialize(body));

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static IEnumerable<ApiCase> ApiCases() =>
    [
        new("POST", "/api/v1/plans", RegionStaff, a => Task.FromResult(new ApiRequest("/api/v1/plans",
            Json(Period(y => new { regionCode = "20", title = "Matrisplan", startYear = y, endYear = y + 3 }))))),
        new("PUT", "/api/v1/plans/{id:guid}", RegionStaff, async a =>
        {
            var plan = await a.PlanAsync();
            return new($"/api/v1/plans/{plan}", Json(new { title = "Matrisplan, ändrad", startYear = 2068, endYear = 2071, status = "adopted", version = 1 }));
        }),
        new("POST", "/api/v1/plans/{id:guid}/development-areas", RegionStaff, async a =>
            new($"/api/v1/plans/{await a.PlanAsync()}/development-areas", Json(new { title = "Matrisområde" }))),
        new("POST", "/api/v1/plans/{id:guid}/goals", RegionStaff, async a =>
            new($"/api/v1/plans/{await a.PlanAsync()}/goals", Json(new { title = "Matrismål" }))),
        new("PUT", "/api/v1/goals/{id:guid}", RegionStaff, async a =>
            new($"/api/v1/goals/{await a.GoalAsync()}", Json(new { title = "Matrismål, ändrat" }))),
        new("DELETE", "/api/v1/goals/{id:guid}", RegionStaff, async a => new($"/api/v1/goals/{await a.GoalAsync()}", null)),
        new("POST", "/api/v1/municipalities/{code}/goals", Smedjebacken, a => Task.FromResult(new ApiRequest("/api/v1/municipalities/2061/goals",
            Json(Period(y => new { startYear = y, endYear = y + 3, number = 1, text = "Matrisens kommunmål" }))))),
        new("PUT", "/api/v1/municipal-goals/{id:guid}", Smedjebacken, async a =>
            new($"/api/v1/municipal-goals/{await a.MunicipalGoalAsync()}", Json(new { startYear = 2068, endYear = 2071, number = 2, text = "Ändrat kommunmål" }))),
        new("POST", "/api/v1/agreements", Parties, a => Task.FromResult(new ApiRequest("/api/v1/agreements",
            Json(AgreementScenarioTests.Body("Matrisens överenskommelse"))))),
        new("PUT", "/api/v1/agreements/{id:guid}", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("draft")}", Json(AgreementScenarioTests.Body("Matrisens överenskommelse, ändrad", version: 1)))),
        new("POST", "/api/v1/agreements/{id:guid}/transitions", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("draft")}/transitions", Json(new { to = "negotiation" }))),
        new("POST", "/api/v1/agreements/{id:guid}/approvals", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("negotiation")}/approvals", Json(new { version = 1 }))),
        new("POST", "/api/v1/agreements/{id:guid}/signatures", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("agreed")}/signatures",
                Json(new { version = 1, name = "Matrisens undertecknare", role = "Ordförande", place = "Falun", date = "2026-11-28" }))),
        new("POST", "/api/v1/agreements/{id:guid}/amendments", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("signed")}/amendments", Json(new { note = "Matrisens tillägg" }))),
        new("POST", "/api/v1/agreements/{id:guid}/comments", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("negotiation")}/comments", Json(new { target = "sections[0].items[0]", text = "Matrisens kommentar" }))),
        new("POST", "/api/v1/agreements/{id:guid}/proposals", Parties, async a =>
            new($"/api/v1/agreements/{await a.AgreementAsync("negotiation")}/proposals",
                Json(new { target = "sections[0].items[0].commitments[1]", proposedText = "Kommunen håller två spelplatser öppna.", reason = "Matrisen" }))),
        // The party that did not propose answers: here the municipality proposes, so the region's staff answer.
        new("POST", "/api/v1/agreements/{id:guid}/proposals/{proposalId:guid}/answers", RegionStaff, async a =>
        {
            var (id, proposal) = await a.ProposalAsync();
            return new($"/api/v1/agreements/{id}/proposals/{proposal}/answers", Json(new { accept = true }));
        }),
        new("POST", "/api/v1/agreement-templates", RegionStaff, a => Task.FromResult(new ApiRequest("/api/v1/agreement-templates?region=20",
            Json(AgreementTemplateTests.Template(NextYear()))))),
        new("PUT", "/api/v1/agreement-templates/{id:guid}", RegionStaff, async a =>
        {
            var (id, year) = await a.TemplateAsync();
            return new($"/api/v1/agreement-templates/{id}", Json(AgreementTemplateTests.Template(year, version: 1, libraryText: "Ändrad i matrisen.")));
        }),
        new("POST", "/api/v1/agreement-templates/{id:guid}/drafts", RegionStaff, async a =>
            new($"/api/v1/agreement-templates/{(await a.TemplateAsync()).Id}/drafts", null)),
        // A preview writes nothing, but only those who may import should be able to make the server parse files.
        new("POST", "/api/v1/agreement-imports", Officers, a => Task.FromResult(new ApiRequest("/api/v1/agreement-imports", ImportUpload()))),
        // A municipal dialogue is written by the region's staff and the municipality's officers; Mora's officer cannot even see 2061's draft.
        new("POST", "/api/v1/dialogue-meetings", Parties, a => Task.FromResult(new ApiRequest("/api/v1/dialogue-meetings", Json(Arrange.Meeting())))),
        new("PUT", "/api/v1/dialogue-meetings/{id:guid}", Parties, async a =>
            new($"/api/v1/dialogue-meetings/{await a.MeetingAsync()}", Json(Arrange.Meeting(version: 1)))),
        new("POST", "/api/v1/dialogue-meetings/{id:guid}/approval", Parties, async a =>
            new($"/api/v1/dialogue-meetings/{await a.MeetingAsync()}/approval", Json(new { version = 1 }))),
        new("POST", "/api/v1/agreement-imports/confirmations", Parties, a => Task.FromResult(new ApiRequest("/api/v1/agreement-imports/confirmations",
            Json(AgreementScenarioTests.Body("Matrisens importerade överenskommelse"))))),
        new("POST", "/api/v1/follow-up-rounds", RegionStaff, async a =>
        {
            var (plan, year) = await a.PlanWithYearAsync();
            return new("/api/v1/follow-up-rounds", Json(new { planId = plan, year, deadline = $"{year + 1}-03-31" }));
        }),
        new("POST", "/api/v1/follow-up-rounds/{id:guid}/transitions", RegionStaff, async a =>
            new($"/api/v1/follow-up-rounds/{(await a.RoundAsync()).Round}/transitions", Json(new { to = "closed" }))),
        // The party is named, so the region's staff are refused for acting for the municipality, not for holding no such commitment.
        new("PUT", "/api/v1/follow-up-rounds/{id:guid}/entries/{commitmentId:guid}", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync();
            return new($"/api/v1/follow-up-rounds/{r.Round}/entries/{r.Municipal}", Json(MatrixEntry()));
        }),
        new("POST", "/api/v1/follow-up-rounds/{id:guid}/submissions", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync(answered: true);
            return new($"/api/v1/follow-up-rounds/{r.Round}/submissions", Json(new { agreementId = r.Agreement, party = "2061" }));
        }),
        new("POST", "/api/v1/follow-up-rounds/{id:guid}/submissions/{submissionId:guid}/review", RegionStaff, async a =>
        {
            var r = await a.RoundAsync(answered: true);
            var submission = await a.SubmitAsync(r);
            return new($"/api/v1/follow-up-rounds/{r.Round}/submissions/{submission}/review", Json(new { decision = "accept" }));
        }),
        new("POST", "/api/v1/follow-up-rounds/{id:guid}/entries/{commitmentId:guid}/evidence", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync(answered: true);
            return new($"/api/v1/follow-up-rounds/{r.Round}/entries/{r.Municipal}/evidence", EvidenceUpload());
        }),
        new("PUT", "/api/v1/follow-up-rounds/{id:guid}/forms/{organizationCode}", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync();
            return new($"/api/v1/follow-up-rounds/{r.Round}/forms/2061", FormCsv(r));
        }),
        new("DELETE", "/api/v1/evidence/{id:guid}", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync(answered: true);
            var file = await (await a.MunicipalityClient.PostAsync($"/api/v1/follow-up-rounds/{r.Round}/entries/{r.Municipal}/evidence", EvidenceUpload()))
                .JsonAsync(201);
            return new($"/api/v1/evidence/{file.GetProperty("id").GetString()}", null);
        }),
    ];

    private static object MatrixEntry(int? version = null) =>
        new { status = "ongoing", progress = 40, narrative = "Matrisens svar.", party = "2061", version, indicators = Array.Empty<object>() };

    private static readonly (string Field, string Name, byte[] Bytes) EvidenceFile = ("file", "matris.txt", Encoding.UTF8.GetBytes("Matrisens underlag.\n"));

    private static MultipartFormDataContent EvidenceUpload()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(EvidenceFile.Bytes), EvidenceFile.Field, EvidenceFile.Name);
        form.Add(new StringContent("2061"), "party");
        return form;
    }

    /// <summary>A party's form as CSV answering the municipality's own commitment.</summary>
    private static byte[] FormCsvBytes(Arrange.FollowUpCase r) => Encoding.UTF8.GetBytes(
        $"overenskommelse_id;atagande_id;avsnitt;atagande;status;procent;beskrivning\r\n{r.Agreement};{r.Municipal};;;ongoing;40;Matrisens fil.\r\n");

    private static ByteArrayContent FormCsv(Arrange.FollowUpCase r)
    {
        var body = new ByteArrayContent(FormCsvBytes(r));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return body;
    }

    private static readonly (string Field, string Name, byte[] Bytes) ImportFile = ("Upload", "matris.txt", Encoding.UTF8.GetBytes(
        "ÖVERENSKOMMELSE\n\nÖverenskommelse mellan Region Dalarna och Smedjebackens kommun 2027–2030\n\nBakgrund\n\nEtt stycke om samverkan.\n"));

    private static MultipartFormDataContent ImportUpload()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(ImportFile.Bytes), "file", ImportFile.Name);
        return form;
    }

    private static IEnumerable<PageCase> PageCases() =>
    [
        // The page makes a plan for the signed-in officer's own region, whatever region code is posted.
        new("page PlanCreateModel.Post", [.. RegionStaff, AppFixture.Gavleborg], a => Task.FromResult(new PageRequest("/planer/ny", null, new Dictionary<string, string[]>
        {
            ["Input.RegionCode"] = ["20"], ["Input.Title"] = ["Matrisplan via sidan"],
        }.Plus(PeriodFields("Input.StartYear", "Input.EndYear"))))),
        new("page PlanEditModel.Post", RegionStaff, async a => new($"/planer/{await a.PlanAsync()}/redigera", null, new()
        {
            ["Input.Title"] = ["Matrisplan, ändrad via sidan"],
        })),
        new("page AreaCreateModel.Post", RegionStaff, async a => new($"/planer/{await a.PlanAsync()}/omraden/nytt", null, new() { ["Title"] = ["Matrisområde"] })),
        new("page GoalCreateModel.Post", RegionStaff, async a => new($"/planer/{await a.PlanAsync()}/mal/nytt", null, new() { ["Input.Title"] = ["Matrismål"] })),
        new("page GoalEditModel.Post", RegionStaff, async a =>
        {
            var (plan, goal) = await a.PlanGoalAsync();
            return new($"/planer/{plan}/mal/{goal}/redigera", null, new() { ["Input.Title"] = ["Matrismål, ändrat"] });
        }),
        new("page GoalEditModel.PostRemove", RegionStaff, async a =>
        {
            var (plan, goal) = await a.PlanGoalAsync();
            return new($"/planer/{plan}/mal/{goal}/redigera", "Remove", new());
        }),
        new("page MunicipalGoalCreateModel.Post", Smedjebacken, a => Task.FromResult(new PageRequest("/kommuner/2061/mal/nytt", null, new Dictionary<string, string[]>
        {
            ["Input.Number"] = ["1"], ["Input.Text"] = ["Matrisens kommunmål"],
        }.Plus(PeriodFields("Input.StartYear", "Input.EndYear"))))),
        new("page MunicipalGoalEditModel.Post", Smedjebacken, async a =>
            new($"/kommunmal/{await a.MunicipalGoalAsync()}/redigera", null, new() { ["Input.Text"] = ["Ändrat via sidan"] })),
        // The page starts a region's agreement with one of its municipalities; either party may start one through the API.
        new("page AgreementCreateModel.Post", RegionStaff, a => Task.FromResult(new PageRequest("/overenskommelser/ny", null, new Dictionary<string, string[]>
        {
            ["Input.MunicipalityCode"] = ["2061"], ["Input.Title"] = ["Matrisens överenskommelse via sidan"],
        }.Plus(PeriodFields("Input.FromYear", "Input.ToYear")))), RefusedWithFormError: [AppFixture.Gavleborg]),
        new("page AgreementEditModel.Post", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("draft")}/redigera", null, new() { ["command"] = ["save"] })),
        new("page AgreementDetailModel.PostStatus", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("draft")}", "Status", new() { ["to"] = ["negotiation"] })),
        new("page AgreementDetailModel.PostWithdraw", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("draft")}", "Withdraw", new() { ["confirm"] = ["true"] })),
        new("page AgreementDetailModel.PostApprove", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("negotiation")}", "Approve", new() { ["version"] = ["1"] })),
        new("page AgreementDetailModel.PostAmend", Parties, async a => new($"/overenskommelser/{await a.AgreementAsync("signed")}", "Amend", new())),
        new("page AgreementSignModel.Post", Parties, async a => new($"/overenskommelser/{await a.AgreementAsync("agreed")}/underskrift", null, new()
        {
            ["Input.Name"] = ["Matrisens undertecknare"], ["Input.Role"] = ["Ordförande"], ["Input.Place"] = ["Falun"], ["Input.Date"] = ["2026-11-28"],
            ["Input.Confirm"] = ["true"],
        })),
        new("page AgreementNegotiationModel.PostComment", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("negotiation")}/forhandling", "Comment", new() { ["Comment.Text"] = ["Matrisens kommentar"] })),
        new("page AgreementNegotiationModel.PostPropose", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("negotiation")}/forhandling", "Propose", new()
            {
                ["Proposal.Target"] = ["sections[0].items[0]"], ["Proposal.ProposedText"] = ["Matrisens förslag till ny text."],
            })),
        new("page AgreementNegotiationModel.PostAnswer", RegionStaff, async a =>
        {
            var (id, proposal) = await a.ProposalAsync();
            return new($"/overenskommelser/{id}/forhandling", "Answer", new() { ["proposalId"] = [$"{proposal}"], ["accept"] = ["true"] });
        }),
        new("page AgreementNegotiationModel.PostApprove", Parties, async a =>
            new($"/overenskommelser/{await a.AgreementAsync("negotiation")}/forhandling", "Approve", new() { ["version"] = ["1"] })),
        new("page DialogueCreateModel.Post", Parties, a => Task.FromResult(new PageRequest(
            "/dialog/ny?region=20&slag=municipal-dialogue&kommun=2061", null, new()
            {
                ["Input.Kind"] = ["municipal-dialogue"], ["Input.Municipality"] = ["2061"], ["Input.Date"] = ["2031-04-15"],
                ["Input.Agenda[0].Title"] = ["Matrisens punkt"],
            }))),
        new("page DialogueEditModel.Post", Parties, async a =>
            new($"/dialog/{await a.MeetingAsync()}/redigera", null, new() { ["Input.Place"] = ["Matrisens lokal"] })),
        new("page DialogueDetailModel.PostApprove", Parties, async a => new($"/dialog/{await a.MeetingAsync()}", "Approve", new())),
        new("page ImportModel.PostPreview", Officers, a => Task.FromResult(new PageRequest("/overenskommelser/importera", "Preview",
            new(), HttpStatusCode.OK, ImportFile))),
        new("page ImportModel.PostConfirm", Parties, async a => new PageRequest("/overenskommelser/importera", "Confirm", new()
        {
            ["ContentJson"] = [await a.ImportReviewJsonAsync()],
        }, FormShownOnlyAfterPreview: true)),
        // Like plans, the page writes a template for the signed-in officer's own region.
        new("page TemplateCreateModel.Post", [.. RegionStaff, AppFixture.Gavleborg], a => Task.FromResult(new PageRequest("/overenskommelser/mallar/ny", null,
            PeriodFields("Input.FromYear", "Input.ToYear")))),
        new("page TemplateEditModel.Post", RegionStaff, async a =>
            new($"/overenskommelser/mallar/{(await a.TemplateAsync()).Id}/redigera", null, new() { ["command"] = ["save"] })),
        new("page TemplateDetailModel.PostDrafts", RegionStaff, async a =>
            new($"/overenskommelser/mallar/{(await a.TemplateAsync()).Id}", "Drafts", new())),
        new("page FollowUpRoundsModel.PostOpen", RegionStaff, async a =>
        {
            var (plan, year) = await a.PlanWithYearAsync();
            return new("/uppfoljning", "Open", new()
            {
                ["Input.PlanId"] = [plan], ["Input.Year"] = [$"{year}"], ["Input.Deadline"] = [$"{year + 1}-03-31"],
            });
        }),
        new("page FollowUpRoundsModel.PostClose", RegionStaff, async a =>
            new("/uppfoljning", "Close", new() { ["roundId"] = [(await a.RoundAsync()).Round] })),
        new("page FollowUpFormModel.Post", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync();
            return new($"/uppfoljning/{r.Round}/{r.Agreement}?part=2061", null, new()
            {
                ["Entries[0].Status"] = ["ongoing"], ["Entries[0].Narrative"] = ["Matrisens svar via sidan."], ["command"] = ["save-all"],
            });
        }),
        new("page FollowUpFormModel.PostImport", Smedjebacken, async a =>
        {
            var r = await a.RoundAsync();
            return new($"/uppfoljning/{r.Round}/{r.Agreement}?part=2061", "Import", new(), File: ("upload", "matris.csv", FormCsvBytes(r)));
        }),
        new("page FollowUpFormModel.PostReview", RegionStaff, async a =>
        {
            var r = await a.RoundAsync(answered: true);
            await a.SubmitAsync(r);
            return new($"/uppfoljning/{r.Round}/{r.Agreement}?part=2061", "Review", new() { ["Review.Decision"] = ["accept"] });
        }),
    ];

    // ---- Coverage: every write has a rule --------------------------------------------------------------------

    [Fact]
    public void EveryWrite_HasARule()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var covered = ApiCases().Select(c => $"{c.Method} {c.Route}").ToHashSet();
        Assert.True(endpoints.Count >= 20, $"The route table looks empty: {endpoints.Count} write endpoints");
        Assert.Empty(endpoints.Except(covered).Order());
        Assert.Empty(covered.Except(endpoints).Order());

        var handlers = PageHandlers().ToHashSet();
        var pageKeys = PageCases().Select(c => c.Key).Concat(Exempt.Keys).ToList();
        Assert.Equal(pageKeys.Count, pageKeys.Distinct().Count());
        Assert.True(handlers.Count >= 20, $"Found only {handlers.Count} page handlers");
        Assert.Empty(handlers.Except(pageKeys).Order());
        Assert.Empty(pageKeys.Except(handlers).Order());
    }

    /// <summary>Every OnPost/OnPut/OnDelete handler of every page model in the web app, as "page Model.PostName".</summary>
    private static IEnumerable<string> PageHandlers() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal) ||
                            m.Name.StartsWith("OnDelete", StringComparison.Ordinal))
                .Select(m => $"page {t.Name}.{m.Name[2..].Replace("Async", "", StringComparison.Ordinal)}"));

    // ---- The matrix -----------------------------------------------------------------------------------------

    public static TheoryData<string> ApiCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in ApiCases()) data.Add($"{c.Method} {c.Route}");
        return data;
    }

    public static TheoryData<string> PageCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in PageCases()) data.Add(c.Key);
        return data;
    }

    [Theory]
    [MemberData(nameof(ApiCaseNames))]
    public async Task Api(string name)
    {
        var rule = ApiCases().Single(c => $"{c.Method} {c.Route}" == name);
        var arrange = new Arrange(app);
        var failures = new List<string>();

        // Refusals first, all on one arrangement: a refusal must not change it.
        var request = await rule.Prepare(arrange);
        foreach (var actor in Everyone.Except(rule.Allowed))
        {
            var before = await StateAsync();
            using var response = await SendAsync(actor, rule.Method, request.Url, await CopyAsync(request.Body));
            var status = (int)response.StatusCode;
            var expected = actor == "anonymous" ? "401" : "403 or 404";
            if (actor == "anonymous" ? status != 401 : status is not (403 or 404))
                failures.Add($"{actor}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync()}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{actor}: {status} without problem+json");
            if (await StateAsync() != before) failures.Add($"{actor}: the refused request changed the database");
        }

        // Each allowed account on an arrangement of its own, since a successful write changes it.
        foreach (var actor in rule.Allowed)
        {
            var own = await rule.Prepare(arrange);
            using var response = await SendAsync(actor, rule.Method, own.Url, own.Body);
            if (!response.IsSuccessStatusCode) failures.Add($"{actor}: expected 2xx, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(PageCaseNames))]
    public async Task Page(string name)
    {
        var rule = PageCases().Single(c => c.Key == name);
        var arrange = new Arrange(app);
        var failures = new List<string>();

        var request = await rule.Prepare(arrange);
        var url = request.Handler is null ? request.Url : WithHandler(request.Url, request.Handler);
        foreach (var actor in Everyone.Except(rule.Allowed))
        {
            // Anonymous visitors post with the token the sign-in page gives them, so the sign-in redirect is what stops them.
            var browser = actor == "anonymous" ? new Browser(app.Anonymous()) : await Browser.SignInAsync(app, actor);
            var tokenPage = await browser.GetAsync(actor == "anonymous" ? "/logga-in" : "/");
            // Taken after signing in: the sign-in itself may write (Identity's own bookkeeping).
            var before = await StateAsync();
            var result = request.File is { } file
                ? await browser.PostMultipartAsync(url, tokenPage, request.Fields, file)
                : await browser.PostFormAsync(url, tokenPage, request.Fields, expect: null);
            if (actor == "anonymous")
            {
                // A record anonymous visitors may not see at all answers 404 rather than asking them to sign in.
                var toSignIn = result.Status == HttpStatusCode.Redirect && result.Location?.Contains("/logga-in", StringComparison.Ordinal) == true;
                if (!toSignIn && result.Status != HttpStatusCode.NotFound)
                    failures.Add($"anonymous: expected a redirect to /logga-in or 404, got {(int)result.Status} {result.Location}");
            }
            else if (rule.RefusedWithFormError?.Contains(actor) == true)
            {
                if (result.Status != HttpStatusCode.OK || !result.Html.Contains("error-summary", StringComparison.Ordinal))
                    failures.Add($"{actor}: expected the form again with an error, got {(int)result.Status} {result.Location}");
            }
            else if (result.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                failures.Add($"{actor}: expected 403 or 404, got {(int)result.Status} {result.Location}");
            if (await StateAsync() != before) failures.Add($"{actor}: the refused post changed the database");
        }

        foreach (var actor in rule.Allowed)
        {
            var own = await rule.Prepare(arrange);
            var browser = await Browser.SignInAsync(app, actor);
            var page = await browser.GetAsync(own.Url);
            var handlerUrl = WithHandler(own.Url, own.Handler);
            var result = own.File is { } file ? await browser.PostMultipartAsync(handlerUrl, page, own.Fields, file)
                : own.FormShownOnlyAfterPreview ? await browser.PostFormAsync(handlerUrl, page, own.Fields, expect: null)
                : await browser.SubmitAsync(page, own.Handler is null
                    ? f => !f.Action.Contains("handler=", StringComparison.Ordinal) && f.Fields.Any(x => x.Name == "__RequestVerificationToken") && !f.Action.Contains("logga-ut", StringComparison.Ordinal)
                    : f => f.Action.Contains($"handler={own.Handler}", StringComparison.Ordinal),
                own.Fields, expect: null);
            if (result.Status != own.Success)
                failures.Add($"{actor}: expected {(int)own.Success}, got {(int)result.Status} {Browser.Excerpt(result.Html)}");
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    private static string WithHandler(string url, string? handler) => $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";

    private async Task<HttpResponseMessage> SendAsync(string actor, string method, string url, HttpContent? body)
    {
        using var client = actor == "anonymous" ? app.Anonymous() : app.As(actor);
        using var message = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
        return await client.SendAsync(message);
    }

    /// <summary>Request bodies are read once; refusals need one each.</summary>
    private static async Task<HttpContent?> CopyAsync(HttpContent? body)
    {
        if (body is null) return null;
        var bytes = await body.ReadAsByteArrayAsync();
        var copy = new ByteArrayContent(bytes);
        foreach (var header in body.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }

    /// <summary>The row count of every table the model maps, and the audit log's: a refused write leaves all of them alone.</summary>
    private Task<string> StateAsync() => app.QueryAsync(async db =>
    {
        var parts = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.GetTableName()).OfType<string>().Distinct().Order())
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            if (command.Connection!.State != System.Data.ConnectionState.Open) await command.Connection.OpenAsync();
            parts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }
        parts.Add("versions=" + string.Join(",", await db.Set<Samverkan.Agreements.Agreement>().OrderBy(a => a.Id).Select(a => a.Status + a.CurrentVersion).ToListAsync()));
        parts.Add("plans=" + string.Join(",", await db.Plans.OrderBy(p => p.Id).Select(p => p.Title + p.Version).ToListAsync()));
        return string.Join(" ", parts);
    });

    /// <summary>Makes fresh records for one case through the API as the parties themselves would.</summary>
    private sealed class Arrange(AppFixture app)
    {
        private HttpClient Region => app.As(AppFixture.RegionOfficer);
        private HttpClient Municipality => app.As(AppFixture.Smedjebacken);

        public async Task<string> PlanAsync()
        {
            var year = NextYear();
            var plan = await (await Region.PostAsJsonAsync("/api/v1/plans",
                new { regionCode = "20", title = "Matrisens plan", startYear = year, endYear = year + 3, status = "adopted" })).JsonAsync(201);
            return plan.GetProperty("id").GetString()!;
        }

        public async Task<string> GoalAsync() => (await PlanGoalAsync()).Goal;

        public async Task<(string Plan, string Goal)> PlanGoalAsync()
        {
            var plan = await PlanAsync();
            var goal = await (await Region.PostAsJsonAsync($"/api/v1/plans/{plan}/goals", new { title = "Matrisens mål" })).JsonAsync(201);
            return (plan, goal.GetProperty("id").GetString()!);
        }

        public async Task<string> MunicipalGoalAsync()
        {
            var year = NextYear();
            var goal = await (await Municipality.PostAsJsonAsync("/api/v1/municipalities/2061/goals",
                new { startYear = year, endYear = year + 3, number = 1, text = "Matrisens kommunmål" })).JsonAsync(201);
            return goal.GetProperty("id").GetString()!;
        }

        /// <summary>An agreement between 20 and 2061 brought to the given status, still at version 1.</summary>
        public async Task<string> AgreementAsync(string status)
        {
            var created = await (await Region.PostAsJsonAsync("/api/v1/agreements", AgreementScenarioTests.Body("Matrisens överenskommelse"))).JsonAsync(201);
            var id = created.GetProperty("id").GetString()!;
            if (status == "draft") return id;
            await SignAsync(id, status);
            return id;
        }

        private async Task SignAsync(string id, string status = "signed")
        {
            await (await Region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
            if (status == "negotiation") return;
            await (await Region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
            await (await Municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
            if (status == "agreed") return;
            foreach (var client in new[] { Region, Municipality })
                await (await client.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures",
                    new { version = 1, name = "Undertecknare", role = "Ordförande", place = "Falun", date = "2026-11-28" })).JsonAsync();
        }

        public async Task<(string Agreement, string Proposal)> ProposalAsync()
        {
            var id = await AgreementAsync("negotiation");
            var proposal = await (await Municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/proposals",
                new { target = "sections[0].items[0].commitments[1]", proposedText = "Kommunen håller två spelplatser öppna.", reason = "Matrisen" })).JsonAsync(201);
            return (id, proposal.GetProperty("id").GetString()!);
        }

        /// <summary>What the review screen carries to its confirm step after reading <see cref="ImportFile"/>.</summary>
        public async Task<string> ImportReviewJsonAsync()
        {
            var browser = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
            var form = await browser.GetAsync("/overenskommelser/importera");
            var review = await browser.PostMultipartAsync("/overenskommelser/importera?handler=Preview", form, [], ImportFile);
            return HtmlForm.All(review.Html).SelectMany(f => f.Fields).First(f => f.Name == "ContentJson").Value;
        }

        public static object Meeting(int? version = null) => new
        {
            region = "20", kind = "municipal-dialogue", municipality = "2061", date = "2031-04-15", place = "Biblioteket",
            agenda = new[] { new { title = "Matrisens punkt", notes = "Anteckning." } }, version,
        };

        /// <summary>Draft minutes of a dialogue between 20 and 2061, at version 1.</summary>
        public async Task<string> MeetingAsync() =>
            (await (await Region.PostAsJsonAsync("/api/v1/dialogue-meetings", Meeting())).JsonAsync(201)).GetProperty("id").GetString()!;
        public HttpClient MunicipalityClient => Municipality;

        public async Task<(string Id, int Year)> PlanWithYearAsync()
        {
            var year = NextYear();
            var plan = await (await Region.PostAsJsonAsync("/api/v1/plans",
                new { regionCode = "20", title = "Matrisens uppföljda plan", startYear = year, endYear = year + 3, status = "adopted" })).JsonAsync(201);
            return (plan.GetProperty("id").GetString()!, year);
        }

        public sealed record FollowUpCase(string Round, string Agreement, string Municipal, string Joint);

        /// <summary>
        /// An open round over a plan of its own with one signed agreement 20–2061 under it (commitments: the region's, the
        /// municipality's, a joint one); <paramref name="answered"/> saves the municipality's two entries.
        /// </summary>
        public async Task<FollowUpCase> RoundAsync(bool answered = false)
        {
            var (plan, year) = await PlanWithYearAsync();
            var body = System.Text.Json.JsonSerializer.SerializeToNode(AgreementScenarioTests.Body("Matrisens uppföljda överenskommelse"))!.AsObject();
            body["planId"] = plan;
            body["period"] = new System.Text.Json.Nodes.JsonObject { ["from"] = $"{year}-01-01", ["to"] = $"{year + 3}-12-31" };
            var created = await (await Region.PostAsync("/api/v1/agreements", JsonContent(body.ToJsonString()))).JsonAsync(201);
            var id = created.GetProperty("id").GetString()!;
            var commitments = created.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments").EnumerateArray()
                .Select(c => c.GetProperty("id").GetString()!).ToList();
            await SignAsync(id);
            var round = await (await Region.PostAsJsonAsync("/api/v1/follow-up-rounds", new { planId = plan, year, deadline = $"{year + 1}-03-31" }))
                .JsonAsync(201);
            var result = new FollowUpCase(round.GetProperty("id").GetString()!, id, commitments[1], commitments[2]);
            if (answered)
                foreach (var commitment in new[] { result.Municipal, result.Joint })
                    await (await Municipality.PutAsJsonAsync($"/api/v1/follow-up-rounds/{result.Round}/entries/{commitment}", MatrixEntry())).JsonAsync();
            return result;
        }

        public async Task<string> SubmitAsync(FollowUpCase r)
        {
            var submitted = await (await Municipality.PostAsJsonAsync($"/api/v1/follow-up-rounds/{r.Round}/submissions", new { agreementId = r.Agreement }))
                .JsonAsync();
            return submitted.GetProperty("id").GetString()!;
        }

        public async Task<(string Id, int Year)> TemplateAsync()
        {
            var year = NextYear();
            var template = await (await Region.PostAsJsonAsync("/api/v1/agreement-templates?region=20", AgreementTemplateTests.Template(year))).JsonAsync(201);
            return (template.GetProperty("id").GetString()!, year);
        }
    }
}

internal static class FieldExtensions
{
    public static Dictionary<string, string[]> Plus(this Dictionary<string, string[]> fields, Dictionary<string, string[]> more)
    {
        foreach (var (key, value) in more) fields[key] = value;
        return fields;
    }
}
