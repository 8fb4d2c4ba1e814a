using System.Text;
using CsCheck;
using Samverkan.Common;
using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;
using Xunit.Abstractions;

namespace Samverkan.Documents.Tests.Import;

/// <summary>
/// Whatever arrives, the importer answers with a result or an error: no exception, no hang (the importer's
/// own deadline bounds every call), and every span it reports lies inside the text it reports.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private static readonly ImportOptions Options = new() { Timeout = TimeSpan.FromSeconds(20) };

    private static readonly HashSet<string> KnownCodes =
    [
        ImportErrors.EmptyFile, ImportErrors.UnsupportedType, ImportErrors.TooLarge, ImportErrors.Unreadable,
        ImportErrors.Encrypted, ImportErrors.NoText, ImportErrors.TooComplex,
    ];

    private static readonly string[] Pieces =
    [
        "ÖVERENSKOMMELSE", "UPPDRAGSÖVERENSKOMMELSE", "AVSIKTSFÖRKLARING", "Datum: ", "2019-09-25", "den 9 oktober 2019",
        "LD17/03997", "Dnr KS 2019/123", "Överenskommelse mellan ", "Smedjebackens kommun", " och ", "Region Dalarna",
        " för åren 2019-2022", "Regionen ska å sin sida ", "Kommunen är villig att ", "Region och kommun vill tillsammans ",
        "Dalateatern", "Musik i Dalarna", "Handläggare", "Postadress", "Box 712", "Ort och datum", "Falun 2019-10-09",
        "Ordförande kultur- och bildnings-", "nämnden, Region Dalarna", "Grundläggande värden:", "Bakgrund", "- ", "• ",
        "¹", "¹ ", "[1]", "1. ", "2. ", "mål ", "(museet)", "\n", "\n", "\n\n", "\n\n\n\n", "\f", " ", ".", ",", ":", "-",
        "läns-", "kulturen", "å", "ä", "ö", "|", "~", "\t", "\u00AD", "\uFFFD", "\u200B", "\r\n", "     ",
    ];

    private static readonly Gen<string> StructuredText =
        Gen.Frequency(
                (6, Gen.OneOf(Pieces)),
                (3, Gen.Char["abcdefghijklmnopqrstuvwxyzåäöABCDEÅÄÖ0123456789 .,-:\n"].Array[1, 12].Select(a => new string(a))),
                (1, Gen.Char.Array[1, 6].Select(a => new string(a))))
            .Array[0, 300]
            .Select(parts => string.Concat(parts));

    private static Result<ImportResult> Import(byte[] content, string name) =>
        new ImportAgreementDocument().Import(content, name, TestDirectory.Instance, Options);

    private static void AssertAnswered(Result<ImportResult> result)
    {
        if (result.IsSuccess)
        {
            Assert.NotNull(result.Value.Agreement);
            SourceChecks.AssertSpansHold(result.Value, allowGaps: true);
        }
        else
        {
            Assert.Contains(result.Error!.Code, KnownCodes);
        }
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.pdf")]
    [InlineData("a.docx")]
    public void Random_bytes(string name) =>
        Gen.Byte.Array[0, 3000].Sample(bytes => AssertAnswered(Import(bytes, name)), iter: 80, threads: 1);

    [Fact]
    public void Random_bytes_behind_a_pdf_header() =>
        Gen.Byte.Array[0, 3000]
            .Select(b => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").Concat(b).ToArray())
            .Sample(bytes => AssertAnswered(Import(bytes, "a.pdf")), iter: 60, threads: 1);

    [Fact]
    public void Random_bytes_behind_a_zip_header() =>
        Gen.Byte.Array[0, 3000]
            .Select(b => new byte[] { 0x50, 0x4B, 0x03, 0x04 }.Concat(b).ToArray())
            .Sample(bytes => AssertAnswered(Import(bytes, "a.docx")), iter: 60, threads: 1);

    [Fact]
    public void Random_text() =>
        StructuredText.Sample(text => AssertAnswered(Import(Encoding.UTF8.GetBytes(text), "a.txt")), iter: 150, threads: 1);

    [Fact]
    public void Random_text_in_a_word_file() =>
        StructuredText.Sample(text => AssertAnswered(Import(TestDocx.FromText(text), "a.docx")), iter: 15, threads: 1);

    [Fact]
    public void Random_text_in_a_pdf() =>
        StructuredText.Sample(text => AssertAnswered(Import(TestPdf.FromText(Printable(text)), "a.pdf")), iter: 8, threads: 1);

    [Fact]
    public void Mutated_agreement_text() =>
        Mutated(BaseText()).Sample(text => AssertAnswered(Import(Encoding.UTF8.GetBytes(text), "a.txt")), iter: 60, threads: 1);

    [Fact]
    public void Mutated_agreement_in_a_word_file() =>
        Mutated(BaseText()).Sample(text => AssertAnswered(Import(TestDocx.FromText(text), "a.docx")), iter: 10, threads: 1);

    [Fact]
    public void Mutated_agreement_in_a_pdf() =>
        Mutated(BaseText()).Sample(text => AssertAnswered(Import(TestPdf.FromText(Printable(text)), "a.pdf")), iter: 5, threads: 1);

    [Fact]
    public void Corrupted_pdf_bytes()
    {
        var pdf = TestPdf.FromText(File.ReadAllText(RepositoryPaths.Fixture("avsiktsforklaring-kulturradet-region-dalarna-2023.txt")));
        CorruptedBytes(pdf).Sample(bytes => AssertAnswered(Import(bytes, "a.pdf")), iter: 40, threads: 1);
    }

    [Fact]
    public void Corrupted_docx_bytes()
    {
        var docx = TestDocx.FromText(File.ReadAllText(RepositoryPaths.Fixture("avsiktsforklaring-kulturradet-region-dalarna-2023.txt")));
        CorruptedBytes(docx).Sample(bytes => AssertAnswered(Import(bytes, "a.docx")), iter: 40, threads: 1);
    }

    /// <summary>The customer's text when it is available, otherwise (said in the output) the fixtures.</summary>
    private string BaseText()
    {
        var customer = CustomerDocument.TryLoad(output);
        return customer is not null
            ? Encoding.UTF8.GetString(customer)
            : File.ReadAllText(RepositoryPaths.Fixture("uppdragsoverenskommelse-dalarnas-museum-2024.txt"));
    }

    private static Gen<string> Mutated(string text) =>
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.OneOf(Pieces))
            .Array[1, 25]
            .Select(edits => edits.Aggregate(text, Apply));

    private static string Apply(string text, (int Kind, int Position, int Length, string Piece) edit)
    {
        if (text.Length == 0) return edit.Piece;
        var at = edit.Position % text.Length;
        var length = Math.Min(edit.Length, text.Length - at);
        switch (edit.Kind)
        {
            case 0:
                return text.Remove(at, length);
            case 1:
                return text.Insert(at, edit.Piece);
            case 2:
                var lineStart = text.LastIndexOf('\n', at) + 1;
                var lineEnd = lineStart < text.Length ? text.IndexOf('\n', lineStart) : -1;
                if (lineEnd < 0) lineEnd = text.Length;
                return text.Insert(lineStart, text[lineStart..lineEnd] + "\n");
            case 3:
                var newline = text.IndexOf('\n', at);
                return newline < 0 ? text : text.Remove(newline, 1).Insert(newline, " ");
            case 4:
                return text.Insert(at, "\n");
            case 5:
                return text[at..] + text[..at];
            default:
                var chars = text.ToCharArray();
                var other = (at + length) % chars.Length;
                (chars[at], chars[other]) = (chars[other], chars[at]);
                return new string(chars);
        }
    }

    private static Gen<byte[]> CorruptedBytes(byte[] original) =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, original.Length - 1], Gen.Byte, Gen.Int[1, 64])
            .Array[1, 12]
            .Select(edits =>
            {
                var bytes = (byte[])original.Clone();
                foreach (var (kind, at, value, length) in edits)
                {
                    if (kind == 0) bytes[at % bytes.Length] = value;
                    else if (kind == 1) Array.Fill(bytes, value, at % bytes.Length, Math.Min(length, bytes.Length - at % bytes.Length));
                    else bytes = bytes[..Math.Max(1, at % bytes.Length)];
                }

                return bytes;
            });

    /// <summary>The PDF writer can only draw what the font has; control characters and lone surrogates are dropped.</summary>
    private static string Printable(string text) =>
        new(text.Where(c => c is '\n' or '\f' || (!char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFD')).ToArray());
}
