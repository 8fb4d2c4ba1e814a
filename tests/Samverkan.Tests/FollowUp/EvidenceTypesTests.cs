using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using Samverkan.FollowUp;

namespace Samverkan.Tests.FollowUp;

/// <summary>What is accepted as evidence: recognised by content, within the size limit, under a clean name.</summary>
public sealed class EvidenceTypesTests
{
    private static readonly EvidenceOptions Options = new() { Folder = "/tmp/not-used", MaxBytes = 1000 };

    internal static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        return buffer.ToArray();
    }

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
    private static readonly byte[] Xlsx = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));
    private static readonly byte[] Odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "program.pdf", Pdf, "application/pdf" },
        { "Bild.PNG", Png, "image/png" },
        { "foto.jpeg", Jpg, "image/jpeg" },
        { "foto.jpg", Jpg, "image/jpeg" },
        { "rapport.docx", Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "besök.xlsx", Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "protokoll.odt", Odt, "application/vnd.oasis.opendocument.text" },
        { "anteckning.txt", Encoding.UTF8.GetBytes("Besök på Solgården, 12 deltagare.\r\nTack!\t🎻"), "text/plain; charset=utf-8" },
        // Excel writes CSV in Windows-1252: å is byte 0xE5.
        { "lista.csv", [.. "Plats;Antal\nL"u8.ToArray(), 0xE5, .. "ngbo;7\n"u8.ToArray()], "text/csv; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_AcceptsEachAllowedTypeByItsContent(string name, byte[] content, string contentType)
    {
        var result = EvidenceTypes.Check(name, content, Options);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal((name, contentType), (result.Value.FileName, result.Value.Type.ContentType));
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "program.exe", [.. "MZ"u8.ToArray(), 0x90, 0], EvidenceTypes.TypeRefused },
        { "sida.html", "<html><script>alert(1)</script></html>"u8.ToArray(), EvidenceTypes.TypeRefused },
        { "utan-filandelse", Pdf, EvidenceTypes.TypeRefused },
        { "gammal.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], EvidenceTypes.TypeRefused },
        { "program.pdf", [.. "MZ"u8.ToArray(), 0x90, 0], EvidenceTypes.ContentMismatch },
        { "bild.pdf", Png, EvidenceTypes.ContentMismatch },
        { "rapport.docx", Xlsx, EvidenceTypes.ContentMismatch },
        { "tabell.xlsx", Zip(("xl/workbook.xml", "<workbook/>")), EvidenceTypes.ContentMismatch },
        { "protokoll.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), EvidenceTypes.ContentMismatch },
        { "trasig.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], EvidenceTypes.ContentMismatch },
        { "foto.jpg", Png, EvidenceTypes.ContentMismatch },
        { "binär.txt", [0x41, 0x00, 0x42], EvidenceTypes.ContentMismatch },
        { "förklädd.txt", Pdf, EvidenceTypes.ContentMismatch },
        { "förklädd.csv", Docx, EvidenceTypes.ContentMismatch },
        { "tom.pdf", [], EvidenceTypes.Empty },
        { "stor.txt", Enumerable.Repeat((byte)'a', 1001).ToArray(), EvidenceTypes.TooLarge },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_RefusesOtherTypesDisguisesAndOversizedFiles_NamingTheFileField(string name, byte[] content, string code)
    {
        var result = EvidenceTypes.Check(name, content, Options);
        Assert.False(result.IsSuccess);
        Assert.Equal((code, "file"), (result.Error!.Code, result.Error.Field));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Check_OfATooLargeFile_SaysTheLimit()
    {
        var options = Options with { MaxBytes = 10 * 1024 * 1024 };
        var error = EvidenceTypes.Check("stor.pdf", new byte[10 * 1024 * 1024 + 1], options).Error!;
        Assert.Equal("Filen är för stor. Största tillåtna storlek är 10 MB.", error.Message);
    }

    [Theory]
    [InlineData("C:\\Users\\anna\\Skrivbord\\program.pdf", "program.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("  \"rapport\"\u0007<2024>.pdf  ", "rapport2024.pdf")]
    [InlineData("verksamhetsberättelse.pdf", "verksamhetsberättelse.pdf")]
    public void CleanName_KeepsOnlyASafeLastSegment(string given, string expected) => Assert.Equal(expected, EvidenceTypes.CleanName(given));

    [Fact]
    public void CleanName_ShortensLongNamesButKeepsTheExtension()
    {
        var name = EvidenceTypes.CleanName(new string('x', 300) + ".pdf");
        Assert.Equal((FollowUpLimits.FileName, ".pdf"), (name.Length, Path.GetExtension(name)));
    }

    [Fact]
    public void Options_ComeFromSettings_WithTheFolderBesideTheDatabaseByDefault()
    {
        var defaults = EvidenceOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Samverkan:DataFolder"] = "/srv/samverkan" }).Build());
        Assert.Equal(("/srv/samverkan/evidence", 10L * 1024 * 1024, 8), (defaults.Folder, defaults.MaxBytes, defaults.AllowedTypes.Count));

        var narrow = EvidenceOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Evidence:Folder"] = "/var/lib/bevis", ["Evidence:MaxBytes"] = "2048", ["Evidence:AllowedTypes"] = "pdf, .PNG",
        }).Build());
        Assert.Equal(("/var/lib/bevis", 2048L), (narrow.Folder, narrow.MaxBytes));
        Assert.Equal(["pdf", "png"], narrow.AllowedTypes.Select(t => t.Name));
        Assert.Equal(EvidenceTypes.TypeRefused, EvidenceTypes.Check("a.txt", "text"u8.ToArray(), narrow).Error!.Code);

        var unknown = Assert.Throws<InvalidOperationException>(() => EvidenceOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Evidence:AllowedTypes"] = "pdf,exe" }).Build()));
        Assert.Contains("exe", unknown.Message);
    }

    [Fact]
    public async Task FileSystemStore_KeepsOneFilePerHash_AndNeverLeavesItsFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"samverkan-evidence-test-{Guid.NewGuid():N}");
        try
        {
            var store = new FileSystemEvidenceStore(new EvidenceOptions { Folder = folder });
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));
            Assert.Equal(sha, await store.SaveAsync(Pdf, sha));
            Assert.Equal(sha, await store.SaveAsync(Pdf, sha));
            Assert.Equal([Path.Combine(folder, sha)], Directory.GetFiles(folder));
            await using (var read = (await store.OpenAsync(sha))!)
            {
                using var copy = new MemoryStream();
                await read.CopyToAsync(copy);
                Assert.Equal(Pdf, copy.ToArray());
            }
            Assert.Null(await store.OpenAsync(new string('0', 64)));
            await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync("../../etc/passwd"));
            await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Pdf, "../" + sha));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
