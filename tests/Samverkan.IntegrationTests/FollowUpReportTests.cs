using System.Net;
using System.Net.Http.Headers;
using UglyToad.PdfPig;

namespace Samverkan.IntegrationTests;

/// <summary>
/// The follow-up reports over HTTP on the Dalarna demo (2024 closed, 2025 open): JSON, PDF and Word from one address,
/// who may read them, the problems, the API description and the pages.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpReportTests(AppFixture app)
{
    private const string Mora2024 = "/api/v1/follow-up-reports/2024/municipalities/2062";
    private const string Region2025 = "/api/v1/follow-up-reports/2025/regions/20";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task OneAddress_AnswersJsonPdfOrWord_ByFormatOrAcceptHeader()
    {
        var mora = app.As(AppFixture.Mora);

        var json = await (await mora.GetAsync(Mora2024)).JsonAsync();
        Assert.Equal(("municipality", "2062", "20", 2024), (json.GetProperty("scope").GetString(), json.GetProperty("subject").GetProperty("code").GetString(),
            json.GetProperty("region").GetProperty("code").GetString(), json.GetProperty("year").GetInt32()));
        Assert.Equal([2024], json.GetProperty("yearOverYear").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        var statuses = json.GetProperty("summary").GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(["done", "changed", "ongoing", "not-started", "cancelled", "missing"], statuses);
        Assert.True(json.GetProperty("agreements").GetArrayLength() >= 1);

        var pdf = await mora.GetAsync(Mora2024 + "?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("uppfoljning-2024-mora-kommun.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Accept", pdf.Headers.Vary);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Uppföljning 2024: Mora kommun och Region Dalarna", text);
            Assert.Contains("Status per samverkansområde", text);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, Mora2024);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DocxType));
        var docx = await mora.SendAsync(request);
        Assert.Equal((HttpStatusCode.OK, DocxType), (docx.StatusCode, docx.Content.Headers.ContentType?.MediaType));
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);

        request = new HttpRequestMessage(HttpMethod.Get, Mora2024);
        request.Headers.Accept.ParseAdd("application/pdf;q=0.5, application/json");
        Assert.Equal("application/json", (await mora.SendAsync(request)).Content.Headers.ContentType?.MediaType);

        await (await mora.GetAsync(Mora2024 + "?format=xls")).ProblemAsync(400, "document.format-invalid");
    }

    [Fact]
    public async Task Reports_AreForTheRegionsAndTheMunicipalitysOwnAccounts()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.As(AppFixture.RegionOfficer).GetAsync(Mora2024)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.As(AppFixture.Viewer).GetAsync(Region2025 + "?format=pdf")).StatusCode);

        await (await app.As(AppFixture.Smedjebacken).GetAsync(Mora2024)).ProblemAsync(403, "access.forbidden");
        await (await app.As(AppFixture.Smedjebacken).GetAsync(Mora2024 + "?format=pdf")).ProblemAsync(403, "access.forbidden");
        await (await app.As(AppFixture.Gavleborg).GetAsync(Mora2024)).ProblemAsync(403, "access.forbidden");
        await (await app.As(AppFixture.Mora).GetAsync(Region2025)).ProblemAsync(403, "access.forbidden");
        await (await app.Anonymous().GetAsync(Mora2024)).ProblemAsync(401, "access.unauthenticated");
    }

    [Fact]
    public async Task UnknownMunicipalityOrRegion_OrAYearWithoutARound_IsAProblem404()
    {
        var region = app.As(AppFixture.RegionOfficer);
        await (await region.GetAsync("/api/v1/follow-up-reports/2024/municipalities/9999")).ProblemAsync(404, "organization.not-found");
        await (await region.GetAsync("/api/v1/follow-up-reports/2024/regions/2062")).ProblemAsync(404, "organization.not-found");
        await (await region.GetAsync("/api/v1/follow-up-reports/2019/regions/20?format=docx")).ProblemAsync(404, "follow-up-report.no-round");
    }

    [Fact]
    public async Task TheApiDescription_ListsBothReports_WithTheirFormats()
    {
        var paths = (await (await app.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/follow-up-reports/{year}/municipalities/{code}", "/api/v1/follow-up-reports/{year}/regions/{code}" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            var get = item.GetProperty("get");
            Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "format");
            var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");
            foreach (var type in new[] { "application/json", "application/pdf", DocxType })
                Assert.True(content.TryGetProperty(type, out _), $"{path} {type}");
        }
    }

    [Fact]
    public async Task Pages_ShowTheReportWithItsTables_LinkTheDocuments_AndAreLinkedFromTheRounds()
    {
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var rounds = await region.GetAsync("/uppfoljning");
        Assert.Contains("href=\"/uppfoljning/rapport/2024/region/20\"", rounds.Html);
        Assert.Contains("href=\"/uppfoljning/rapport/2024/kommun/2062\"", rounds.Html);

        var page = await region.GetAsync("/uppfoljning/rapport/2024/region/20");
        Assert.Contains("<h1>Uppföljning 2024: Region Dalarna</h1>", page.Html);
        Assert.Contains("href=\"/api/v1/follow-up-reports/2024/regions/20?format=pdf\"", page.Html);
        Assert.Contains("href=\"/api/v1/follow-up-reports/2024/regions/20?format=docx\"", page.Html);
        // Every chart is drawn from a table on the page, by a script file; no data sits in inline script.
        Assert.Equal(4, CountOf(page.Html, "<figure class=\"report-chart\""));
        Assert.Contains("<th scope=\"col\" class=\"num\" data-series data-status=\"missing\">Saknas</th>", page.Html);
        Assert.Contains("src=\"/lib/chartjs/chart.umd.min.js", page.Html);
        Assert.Contains("src=\"/js/report-charts.js", page.Html);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", page.Html);
        Assert.DoesNotContain(" style=", page.Html);
        Assert.Contains("href=\"/uppfoljning/rapport/2024/kommun/2062\"", page.Html);

        var mora = await Browser.SignInAsync(app, AppFixture.Mora);
        Assert.DoesNotContain("/uppfoljning/rapport/2024/region/20", (await mora.GetAsync("/uppfoljning")).Html);
        var own = await mora.GetAsync("/uppfoljning/rapport/2024/kommun/2062");
        Assert.Equal(3, CountOf(own.Html, "<figure class=\"report-chart\""));
        await mora.GetAsync("/uppfoljning/rapport/2024/kommun/2061", HttpStatusCode.Forbidden);
        await mora.GetAsync("/uppfoljning/rapport/2024/region/20", HttpStatusCode.Forbidden);
        await mora.GetAsync("/uppfoljning/rapport/2024/lan/20", HttpStatusCode.NotFound);
        await mora.GetAsync("/uppfoljning/rapport/2019/kommun/2062", HttpStatusCode.NotFound);
        var anonymous = await new Browser(app.Anonymous()).GetAsync("/uppfoljning/rapport/2024/kommun/2062", HttpStatusCode.Redirect);
        Assert.StartsWith("/logga-in", new Uri(new Uri("http://localhost"), anonymous.Location).AbsolutePath);
    }

    private static int CountOf(string html, string text) => (html.Length - html.Replace(text, "").Length) / text.Length;
}
