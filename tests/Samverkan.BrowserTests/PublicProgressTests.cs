using System.Text.Json;
using Samverkan.BrowserTests.Support;
using static Samverkan.BrowserTests.Support.Sessions;

namespace Samverkan.BrowserTests;

/// <summary>
/// The public progress on a signed agreement's public page: anyone reads each commitment's latest accepted answer and
/// opens the earlier years by keyboard; answers the region has not accepted stay out of sight.
/// </summary>
[Collection(AgreementCollection.Name)]
public sealed class PublicProgressTests(BrowserFixture app)
{
    [Fact]
    public async Task Anonymous_ReadsTheLatestAcceptedAnswer_OpensEarlierYearsByKeyboard_AndSeesNothingUnaccepted()
    {
        var title = $"Överenskommelse med offentlig uppföljning {Tag()}";
        await using var region = await app.SignedInAsync(app.Data.RegionOfficer);
        await using var municipality = await app.SignedInAsync(app.Data.MunicipalityOfficer);
        var regionApi = new AgreementApi(region.Page);
        var municipalityApi = new AgreementApi(municipality.Page);
        var id = await regionApi.CreateAsync(title, "Parterna redovisar varje år hur turnén gick.");
        await regionApi.MoveToAsync(id, "negotiation");
        await regionApi.ApproveAsync(id, 1);
        await municipalityApi.ApproveAsync(id, 1);
        await regionApi.SignAsync(id, 1, "Rolf Regionsson", "Falun");
        await municipalityApi.SignAsync(id, 1, "Stina Kommunsson", "Smedjebacken");
        var agreement = await SendAsync(region.Page, "GET", $"/api/v1/agreements/{id}", null, 200);
        var commitment = agreement.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("commitments")[1].GetProperty("id").GetGuid();
        var plan = await app.Data.CreatePlanAsync($"Plan för offentlig uppföljning {Tag()}", "adopted");

        // 2027 accepted, 2028 accepted, 2029 answered and submitted but not yet reviewed.
        async Task<Guid> RoundAsync(int year, string status, int progress, string narrative, bool accept = true)
        {
            var round = (await SendAsync(region.Page, "POST", "/api/v1/follow-up-rounds",
                new { planId = plan, year, deadline = $"{year + 1}-03-31", instructions = "Svara kort." }, 201)).GetProperty("id").GetGuid();
            await SendAsync(municipality.Page, "PUT", $"/api/v1/follow-up-rounds/{round}/entries/{commitment}",
                new { status, progress, narrative, agreementId = id }, 200);
            var submission = (await SendAsync(municipality.Page, "POST", $"/api/v1/follow-up-rounds/{round}/submissions", new { agreementId = id }, 200))
                .GetProperty("id").GetGuid();
            if (accept)
                await SendAsync(region.Page, "POST", $"/api/v1/follow-up-rounds/{round}/submissions/{submission}/review", new { decision = "accept" }, 200);
            return round;
        }
        await RoundAsync(2027, "ongoing", 40, "Lokalen bokades men hörslingan behövde lagas.");
        var round2028 = await RoundAsync(2028, "done", 100, "Turnén hölls i den nya lokalen med 85 besökare.");
        await RoundAsync(2029, "changed", 10, "Ett svar som regionen inte har granskat.", accept: false);

        await using var anonymous = await app.NewSessionAsync();
        var page = anonymous.Page;
        await page.GotoAsync($"/offentligt/overenskommelser/{id}");
        var followUp = page.GetByRole(AriaRole.Region, new() { Name = "Uppföljning" });
        var answered = followUp.GetByRole(AriaRole.Article, new() { Name = "Kommunen ställer en lokal med hörslinga till förfogande för turnén." });
        await Expect(answered).ToContainTextAsync("Smedjebackens kommun, 2028:");
        await Expect(answered).ToContainTextAsync("100 %");
        await Expect(answered).ToContainTextAsync("Turnén hölls i den nya lokalen med 85 besökare.");
        await Expect(followUp).Not.ToContainTextAsync("Ett svar som regionen inte har granskat.");
        var unanswered = followUp.GetByRole(AriaRole.Article, new() { Name = "Regionen erbjuder kommunens bibliotek en författarturné varje höst." });
        await Expect(unanswered).ToContainTextAsync("Ingen godkänd uppföljning ännu.");
        await page.AssertAccessibleAsync();

        // The earlier year sits behind a disclosure that opens from the keyboard.
        var earlier = answered.Locator("summary");
        await Expect(earlier).ToHaveTextAsync("Tidigare år (1 svar)");
        await page.TabToAsync(earlier, maxPresses: 200);
        await page.Keyboard.PressAsync("Enter");
        var row = answered.GetByRole(AriaRole.Row).Filter(new() { HasText = "2027" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("40 %");
        await Expect(row).ToContainTextAsync("Lokalen bokades men hörslingan behövde lagas.");
        await page.AssertAccessibleAsync();

        // The round's progress is public too, and every figure opens to the commitments behind it.
        await page.GotoAsync($"/uppfoljning/{round2028}/framsteg");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Framsteg i uppföljningen 2028");
        var agreements = page.GetByRole(AriaRole.Table, new() { Name = "Per överenskommelse, uppföljningen 2028" });
        var agreementRow = agreements.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        // Smedjebacken's accepted 100 % counts; the region's own commitment has no accepted answer and is missing.
        await Expect(agreementRow).ToContainTextAsync("100,0 %");
        await Expect(agreementRow).ToContainTextAsync("1 av 2");
        await page.AssertAccessibleAsync();
        await agreementRow.GetByRole(AriaRole.Link, new() { Name = $"Åtagandena bakom siffran för {title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Så räknades: {title}");
        var parts = page.GetByRole(AriaRole.Table, new() { Name = "Åtagandenas andelar med vikt, svar och hur de räknas" });
        await Expect(parts.GetByRole(AriaRole.Row).Filter(new() { HasText = "hörslinga" })).ToContainTextAsync("Räknas");
        await Expect(parts.GetByRole(AriaRole.Row).Filter(new() { HasText = "författarturné" })).ToContainTextAsync("Saknas");
        await page.AssertAccessibleAsync();
    }

    private static async Task<JsonElement> SendAsync(IPage page, string method, string path, object? body, int expected)
    {
        var response = await page.APIRequest.FetchAsync(path, new() { Method = method, DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Status == expected, $"{method} {path} answered {response.Status}, not {expected}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
