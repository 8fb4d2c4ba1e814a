using System.Text.Json;

namespace Samverkan.BrowserTests.Support;

/// <summary>
/// Sets up agreements through /api/v1 with a signed-in browser session's own cookie, so a test can start
/// from "agreed" or "signed" without clicking through the steps another test already walks by hand.
/// </summary>
public sealed class AgreementApi(IPage page)
{
    public const string RegionCode = TestData.RegionCode;
    public const string MunicipalityCode = TestData.MunicipalityCode;

    /// <summary>A municipal agreement between Region Dalarna and Smedjebacken with one section, one item and two commitments.</summary>
    public static object Body(string title, string itemText, int? version = null) => new
    {
        kind = "municipal-agreement",
        title,
        reference = "RD 2026/0300",
        date = "2026-12-01",
        parties = new[] { RegionCode, MunicipalityCode },
        period = new { from = "2027-01-01", to = "2030-12-31" },
        sections = new[]
        {
            new
            {
                heading = "Områden för överenskommelsen",
                items = new[]
                {
                    new
                    {
                        style = "paragraph",
                        text = itemText,
                        footnotes = Array.Empty<string>(),
                        commitments = new object[]
                        {
                            new { parties = new[] { RegionCode }, text = "Regionen erbjuder kommunens bibliotek en författarturné varje höst." },
                            new { parties = new[] { MunicipalityCode }, text = "Kommunen ställer en lokal med hörslinga till förfogande för turnén." },
                        },
                    },
                },
            },
        },
        signatures = new[]
        {
            new { party = MunicipalityCode, name = "Stina Kommunsson", role = "Ordförande kultur- och fritidsnämnden" },
            new { party = RegionCode, name = "Rolf Regionsson", role = "Ordförande kultur- och bildningsnämnden" },
        },
        version,
    };

    public async Task<Guid> CreateAsync(string title, string itemText)
    {
        var created = await SendAsync("POST", "/api/v1/agreements", Body(title, itemText), 201);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>Saves new content on top of <paramref name="baseVersion"/> and returns the new version number.</summary>
    public async Task<int> SaveAsync(Guid id, string title, string itemText, int baseVersion) =>
        (await SendAsync("PUT", $"/api/v1/agreements/{id}", Body(title, itemText, baseVersion), 200)).GetProperty("version").GetInt32();

    public Task MoveToAsync(Guid id, string status) => SendAsync("POST", $"/api/v1/agreements/{id}/transitions", new { to = status }, 200);

    public Task ApproveAsync(Guid id, int version) => SendAsync("POST", $"/api/v1/agreements/{id}/approvals", new { version }, 200);

    public Task SignAsync(Guid id, int version, string name, string place) =>
        SendAsync("POST", $"/api/v1/agreements/{id}/signatures", new { version, name, place, date = "2026-12-10" }, 200);

    private async Task<JsonElement> SendAsync(string method, string path, object body, int expectedStatus)
    {
        var response = await page.APIRequest.FetchAsync(path, new() { Method = method, DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Status == expectedStatus, $"{method} {path} answered {response.Status}, not {expectedStatus}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
