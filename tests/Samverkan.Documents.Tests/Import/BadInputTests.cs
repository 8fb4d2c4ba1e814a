using System.IO.Compression;
using System.Text;
using Samverkan.Common;
using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;

namespace Samverkan.Documents.Tests.Import;

public sealed class BadInputTests
{
    private const string Sample = "ÖVERENSKOMMELSE\n\nDatum: 2019-09-25\n\nÖverenskommelse mellan Smedjebackens kommun och Region Dalarna för åren 2019-2022\n\nBakgrund\n\nRegionen ska å sin sida stödja kulturen i länet.\n";

    private static Result<ImportResult> Import(byte[] content, string name, ImportOptions? options = null) =>
        new ImportAgreementDocument().Import(content, name, TestDirectory.Instance, options);

    private static void AssertError(Result<ImportResult> result, string code)
    {
        Assert.False(result.IsSuccess, "väntade felet " + code);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.pdf")]
    [InlineData("a.docx")]
    public void Empty_file(string name) => AssertError(Import([], name), ImportErrors.EmptyFile);

    [Theory]
    [InlineData("avtal.exe")]
    [InlineData("avtal.doc")]
    [InlineData("avtal")]
    [InlineData("")]
    [InlineData("avtal.pdf.zip")]
    public void Unknown_extension(string name) => AssertError(Import("hej"u8.ToArray(), name), ImportErrors.UnsupportedType);

    [Fact]
    public void Extension_is_case_insensitive() => Assert.True(Import(Encoding.UTF8.GetBytes(Sample), "AVTAL.TXT").IsSuccess);

    [Fact]
    public void File_over_the_size_limit() =>
        AssertError(Import(new byte[101], "a.pdf", new ImportOptions { MaxBytes = 100 }), ImportErrors.TooLarge);

    [Fact]
    public void Default_size_limit_is_20_MB() => Assert.Equal(20 * 1024 * 1024, ImportOptions.Default.MaxBytes);

    [Theory]
    [InlineData("a.pdf")]
    [InlineData("a.docx")]
    [InlineData("a.txt")]
    public void Binary_garbage(string name)
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        AssertError(Import(bytes, name), ImportErrors.Unreadable);
    }

    [Fact]
    public void Pdf_header_followed_by_garbage()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(Enumerable.Range(0, 3000).Select(i => (byte)(i * 37 % 251))).ToArray();
        AssertError(Import(bytes, "a.pdf"), ImportErrors.Unreadable);
    }

    [Fact]
    public void Truncated_pdf()
    {
        var pdf = TestPdf.FromText(Sample);
        AssertError(Import(pdf[..(pdf.Length / 3)], "a.pdf"), ImportErrors.Unreadable);
    }

    [Fact]
    public void Word_file_renamed_to_pdf() => AssertError(Import(TestDocx.FromText(Sample), "a.pdf"), ImportErrors.Unreadable);

    [Fact]
    public void Pdf_without_text_layer() => AssertError(Import(TestPdf.WithoutText(), "scan.pdf"), ImportErrors.NoText);

    [Fact]
    public void Pdf_with_a_user_password()
    {
        var pdf = TestPdf.FromText(Sample, d =>
        {
            d.SecuritySettings.UserPassword = "hemligt";
            d.SecuritySettings.OwnerPassword = "ägare";
        });
        AssertError(Import(pdf, "a.pdf"), ImportErrors.Encrypted);
    }

    [Fact]
    public void Pdf_with_only_an_owner_password_is_read()
    {
        var pdf = TestPdf.FromText(Sample, d => d.SecuritySettings.OwnerPassword = "ägare");
        var result = Import(pdf, "a.pdf");
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("Överenskommelse mellan Smedjebackens kommun och Region Dalarna för åren 2019-2022", result.Value.Agreement.Title);
    }

    [Fact]
    public void Truncated_docx()
    {
        var docx = TestDocx.FromText(Sample);
        AssertError(Import(docx[..(docx.Length / 2)], "a.docx"), ImportErrors.Unreadable);
    }

    [Fact]
    public void Zip_that_is_not_a_word_document()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hej.txt").Open());
            entry.Write("inte ett avtal");
        }

        AssertError(Import(stream.ToArray(), "a.docx"), ImportErrors.Unreadable);
    }

    [Fact]
    public void Password_protected_word_file()
    {
        // Word wraps an encrypted .docx in an OLE compound file with an "EncryptedPackage" stream.
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }
            .Concat(new byte[504]).Concat(Encoding.Unicode.GetBytes("EncryptedPackage")).Concat(new byte[512]).ToArray();
        AssertError(Import(ole, "a.docx"), ImportErrors.Encrypted);
    }

    [Fact]
    public void Old_word_file_named_docx()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[1024]).ToArray();
        AssertError(Import(ole, "a.docx"), ImportErrors.Unreadable);
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.docx")]
    public void Document_without_text(string name)
    {
        var bytes = name.EndsWith(".txt", StringComparison.Ordinal) ? "\n\n   \n\t\n"u8.ToArray() : TestDocx.FromText("\n\n\n");
        AssertError(Import(bytes, name), ImportErrors.NoText);
    }

    [Fact]
    public void Windows_1252_text_is_decoded_with_a_warning()
    {
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var result = Import(cp1252.GetBytes(Sample + "Kontakt – Åsa Öberg\n"), "a.txt");
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("Överenskommelse mellan Smedjebackens kommun och Region Dalarna för åren 2019-2022", result.Value.Agreement.Title);
        Assert.Contains("Åsa Öberg", result.Value.SourceText);
        Assert.Contains(result.Value.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_with_byte_order_mark_and_crlf()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Sample.Replace("\n", "\r\n"))).ToArray();
        var result = Import(bytes, "a.txt");
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new DateOnly(2019, 9, 25), result.Value.Agreement.Date);
        Assert.DoesNotContain(result.Value.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', result.Value.SourceText);
    }

    [Fact]
    public void Text_over_the_text_budget()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sample, 50)));
        AssertError(Import(bytes, "a.txt", new ImportOptions { MaxTextChars = 1000 }), ImportErrors.TooComplex);
    }

    [Fact]
    public void Work_past_the_deadline_is_abandoned()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sample, 4000)));
        AssertError(Import(bytes, "a.txt", new ImportOptions { Timeout = TimeSpan.FromMilliseconds(1) }), ImportErrors.TooComplex);
    }
}
