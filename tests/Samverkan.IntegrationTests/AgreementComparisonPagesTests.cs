using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static Samverkan.IntegrationTests.PageChecks;

namespace Samverkan.IntegrationTests;

/// <summary>The comparison page over HTTP: matrix, list per municipality, goal filter and CSV link (plan period 2063–2066).</summary>
[Collection(AppCollection.Name)]
public sealed class AgreementComparisonPagesTests(AppFixture app)
{
    [Fact]
    public async Task ComparisonPage_ShowsTheMatrixTheListAndWhoCommittedToAGoal()
    {
        var api = app.As(AppFixture.RegionOfficer);
        var plan = (await (await api.PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Sidjämförelsens plan", startYear = 2063, endYear = 2066, status = "adopted" })).JsonAsync(201))
            .GetProperty("id").GetString()!;
        async Task<string> Goal(string title) =>
            (await (await api.PostAsJsonAsync($"/api/v1/plans/{plan}/goals", new { title })).JsonAsync(201)).GetProperty("id").GetString()!;
        var (stage, reading, film) = (await Goal("Scenkonst för alla åldrar"), await Goal("Läsning i hela länet"), await Goal("Film på fler orter"));
        var template = await AgreementTemplateTests.CreateTemplateAsync(app, AgreementTemplateTests.Template(2063, plan, stage, reading));
        await (await api.PostAsync($"/api/v1/agreement-templates/{template}/drafts", null)).JsonAsync(201);
        var drafts = await AgreementTemplateTests.DraftsAsync(app, template);
        await AgreementComparisonTests.AddSectionAsync(app.As(AppFixture.Mora), drafts["2062"], "Film", ["2062"],
            "Mora kommun visar film för barn i tre byar varje år.", film);

        // The region's staff: every municipality a row, every goal of the plan a column, empty cells in words.
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var page = await region.GetAsync("/overenskommelser/jamforelse?region=20&ar=2064");
        AssertAccessibleBasics(page.Html);
        var table = Regex.Match(page.Html, "<table class=\"comparison-table\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<caption id=\"matris-rubrik\"><span>Åtaganden per kommun och mål, Region Dalarna 2064.", table);
        Assert.Equal(["Kommun", "Scenkonst för alla åldrar", "Läsning i hela länet", "Film på fler orter"],
            Regex.Matches(table, "<th scope=\"col\"[^>]*>(.*?)</th>").Select(m => m.Groups[1].Value));
        Assert.Equal(15, Regex.Matches(table, "<th scope=\"row\">").Count);
        Assert.Contains("Mora kommun visar film för barn i tre byar varje år.", table);
        Assert.Contains("<span class=\"committer\">Kommunen</span> Mora kommun visar film", table);
        Assert.Contains("<span class=\"committer\">Regionen</span> Regionen planerar turnéerna", table);
        Assert.Contains("Inget åtagande", table);
        Assert.Contains("15 av 15 kommuner i Region Dalarna har en överenskommelse som gäller 2064.", page.Html);
        Assert.Contains("href=\"/api/v1/agreement-comparisons.csv?region=20&amp;year=2064&amp;by=goal\"", page.Html);
        Assert.Contains($"<option value=\"{film}\">Film på fler orter</option>", page.Html);

        // Who committed to the film goal: Mora alone, with that commitment, said in a sentence too.
        var who = await region.GetAsync($"/overenskommelser/jamforelse?region=20&ar=2064&per=mal&mal={film}");
        AssertAccessibleBasics(who.Html);
        Assert.Contains("Vem har åtagit sig målet ”Film på fler orter”?", who.Html);
        Assert.Contains("1 kommun har åtagit sig målet: Mora kommun.", who.Html);
        var rows = Regex.Matches(who.Html, "<th scope=\"row\">(.*?)</th>", RegexOptions.Singleline);
        Assert.Contains("Mora kommun", Assert.Single(rows).Groups[1].Value);
        Assert.Contains($"<option value=\"{film}\" selected=\"selected\">", who.Html);
        Assert.Contains($"goal={film}", who.Html);

        // The same as a list per municipality, headed by each municipality's name.
        var asList = await region.GetAsync("/overenskommelser/jamforelse?region=20&ar=2064&per=mal&visning=lista");
        AssertAccessibleBasics(asList.Html);
        Assert.DoesNotContain("<table class=\"comparison-table\"", asList.Html);
        Assert.Equal(15, Regex.Matches(asList.Html, "<h3 id=\"kommun-\\d{4}\">").Count);
        var mora = Regex.Match(asList.Html, "<h3 id=\"kommun-2062\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<dt>Film på fler orter</dt>", mora);
        Assert.Contains("3 åtaganden inom 3 mål.", mora);

        // By collaboration area: the agreements' headings are the columns.
        var byArea = await region.GetAsync("/overenskommelser/jamforelse?region=20&ar=2064&per=omrade");
        Assert.Equal(["Kommun", "Grundläggande värden", "Bibliotek", "Kulturarv", "Film"],
            Regex.Matches(byArea.Html, "<th scope=\"col\"[^>]*>(.*?)</th>").Select(m => m.Groups[1].Value));
        Assert.Contains("href=\"/api/v1/agreement-comparisons.csv?region=20&amp;year=2064&amp;by=area\"", byArea.Html);

        // The public compares signed agreements only: none yet, and every row says so in words.
        var anonymous = await new Browser(app.Anonymous()).GetAsync("/overenskommelser/jamforelse?region=20&ar=2064&per=omrade");
        AssertAccessibleBasics(anonymous.Html);
        Assert.DoesNotContain("Mora kommun visar film", anonymous.Html);
        Assert.Contains("0 av 15 kommuner i Region Dalarna har en överenskommelse som gäller 2064.", anonymous.Html);
    }

    [Fact]
    public async Task ComparisonPage_ExplainsAYearWithoutPlan_AndABadYear_AndIsLinkedFromTheAgreements()
    {
        var anonymous = new Browser(app.Anonymous());
        var noPlan = await anonymous.GetAsync("/overenskommelser/jamforelse?region=20&ar=2150&per=mal");
        Assert.Contains("Region Dalarna har ingen antagen kulturplan som gäller 2150.", noPlan.Html);
        Assert.Contains("href=\"/overenskommelser/jamforelse?region=20&amp;ar=2150&amp;per=omrade&amp;visning=tabell\"", noPlan.Html);
        AssertAccessibleBasics(noPlan.Html);

        var badYear = await anonymous.GetAsync("/overenskommelser/jamforelse?region=20&ar=tjugo");
        Assert.Contains("Ange året med fyra siffror", badYear.Html);
        Assert.Contains("href=\"#ar\"", badYear.Html);

        var list = await anonymous.GetAsync("/overenskommelser");
        Assert.Contains("href=\"/overenskommelser/jamforelse?region=20\"", list.Html);
        Assert.Contains("<a href=\"/overenskommelser/jamforelse\">", list.Html);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/overenskommelser/jamforelse")).StatusCode);
    }
}
