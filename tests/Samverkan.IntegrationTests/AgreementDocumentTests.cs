using System.Net.Http.Json;
using UglyToad.PdfPig;

namespace Samverkan.IntegrationTests;

[Collection(AppCollection.Name)]
public sealed class AgreementDocumentTests(AppFixture app)
{
    private async Task<string> SignedAgreementAsync()
    {
        var region = app.As(AppFixture.RegionOfficer);
        var municipality = app.As(AppFixture.Smedjebacken);
        var id = (await (await region.PostAsJsonAsync("/api/v1/agreements",
            AgreementScenarioTests.Body("Överenskommelse om dokumentprov för Smedjebacken"))).JsonAsync(201)).GetProperty("id").GetString()!;
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/transitions", new { to = "negotiation" })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/approvals", new { version = 1 })).JsonAsync();
        await (await region.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 1, name = "Regionens ordförande", role = "Ordförande", place = "Falun", date = "2026-12-01" })).JsonAsync();
        await (await municipality.PostAsJsonAsync($"/api/v1/agreements/{id}/signatures", new { version = 1, name = "Kommunens ordförande", role = "Ordförande", place = "Smedjebacken", date = "2026-12-02" })).JsonAsync();
        return id;
    }

    [Fact]
    public async Task SignedAgreement_RendersAsPdf_WithTitleSignaturesAndHash()
    {
        var id = await SignedAgreementAsync();
        var receipt = await (await app.As(AppFixture.RegionOfficer).GetAsync($"/api/v1/agreements/{id}/receipt")).JsonAsync();
        var hash = receipt.GetProperty("versionHash").GetString()!;

        // The public may download the signed version too.
        var response = await app.Anonymous().GetAsync($"/api/v1/agreements/{id}/document?format=pdf");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("ÖVERENSKOMMELSE", text);
        Assert.Contains("dokumentprov", text);
        Assert.Contains("Kommunens ordförande", text);
        Assert.Contains(hash, text.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public async Task Agreement_RendersAsDocx()
    {
        var id = await SignedAgreementAsync();
        var response = await app.As(AppFixture.Smedjebacken).GetAsync($"/api/v1/agreements/{id}/document?format=docx&version=1");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Draft_IsNotRenderedForThePublic_AndBadFormatIs400()
    {
        var id = (await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/agreements",
            AgreementScenarioTests.Body("Utkast som inte är offentligt"))).JsonAsync(201)).GetProperty("id").GetString();
        await (await app.Anonymous().GetAsync($"/api/v1/agreements/{id}/document?format=pdf")).ProblemAsync(404);
        await (await app.As(AppFixture.RegionOfficer).GetAsync($"/api/v1/agreements/{id}/document?format=odt")).ProblemAsync(400, "document.format-invalid");
        var draft = await app.As(AppFixture.RegionOfficer).GetAsync($"/api/v1/agreements/{id}/document?format=pdf");
        Assert.Equal(200, (int)draft.StatusCode);
    }
}
