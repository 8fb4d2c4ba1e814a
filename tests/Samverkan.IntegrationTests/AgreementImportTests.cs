using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Samverkan.IntegrationTests;

/// <summary>Import through the API: preview saves nothing, confirm creates the draft, bad files get clear problems.</summary>
[Collection(AppCollection.Name)]
public sealed class AgreementImportTests(AppFixture app, ITestOutputHelper output)
{
    private static string? CustomerDocumentPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samverkan.slnx"))) dir = dir.Parent;
        var path = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "seeds", "overenskommelse-smedjebacken-region-dalarna-2019-2022.txt");
        return path is not null && File.Exists(path) ? path : null;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task CustomerDocument_PreviewsAsStructuredDraft_ThenConfirmCreatesIt()
    {
        var path = CustomerDocumentPath();
        if (path is null)
        {
            output.WriteLine("../shared/seeds/ with the customer's agreement is not here; this test checked nothing else.");
            return;
        }
        var before = await app.WrittenStateAsync();
        var preview = await (await app.As(AppFixture.RegionOfficer).PostAsync("/api/v1/agreement-imports",
            Upload(await File.ReadAllBytesAsync(path), Path.GetFileName(path)))).JsonAsync();
        Assert.Equal(before, await app.WrittenStateAsync());

        Assert.Equal("municipal-agreement", preview.GetProperty("kind").GetString());
        Assert.Equal("2019-09-25", preview.GetProperty("date").GetString());
        Assert.Equal("LD17/03997", preview.GetProperty("reference").GetString());
        Assert.Equal("2019-01-01", preview.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2022-12-31", preview.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal(["2061", "20"], preview.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Order().Reverse());
        Assert.Equal("Erik Arrhén", preview.GetProperty("caseOfficer").GetProperty("name").GetString());
        Assert.Equal(7, preview.GetProperty("municipalGoals").GetArrayLength());
        Assert.Equal(2, preview.GetProperty("signatures").GetArrayLength());
        Assert.True(preview.GetProperty("sources").EnumerateObject().Any());
        Assert.Contains("Grundläggande värden", preview.GetProperty("sourceText").GetString());

        // The reviewed structure, sent back as it is, becomes a draft.
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(preview.GetRawText())!;
        var confirmed = await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/agreement-imports/confirmations", body)).JsonAsync(201);
        Assert.Equal("draft", confirmed.GetProperty("status").GetString());
        Assert.Equal("LD17/03997", confirmed.GetProperty("reference").GetString());
    }

    [Theory]
    [InlineData("tom.txt", "", 400, "import.empty-file")]
    [InlineData("avtal.odt", "text", 415, "import.unsupported-type")]
    [InlineData("skräp.pdf", "not a pdf at all \u0001\u0002", 400, "import.unreadable")]
    public async Task BadFiles_AreRefusedWithCodes(string name, string content, int status, string code)
    {
        var before = await app.WrittenStateAsync();
        await (await app.As(AppFixture.RegionOfficer).PostAsync("/api/v1/agreement-imports", Upload(Encoding.UTF8.GetBytes(content), name)))
            .ProblemAsync(status, code);
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task FileOverTheLimit_Is413()
    {
        var big = new byte[21 * 1024 * 1024];
        await (await app.As(AppFixture.RegionOfficer).PostAsync("/api/v1/agreement-imports", Upload(big, "stor.txt"))).ProblemAsync(413);
    }

    [Fact]
    public async Task Anonymous_Is401_AndMissingFileIs400()
    {
        await (await app.Anonymous().PostAsync("/api/v1/agreement-imports", Upload("x"u8.ToArray(), "a.txt"))).ProblemAsync(401);
        await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/agreement-imports", new { })).ProblemAsync(400, "import.file-required");
    }
}
