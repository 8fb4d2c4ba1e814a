using Samverkan.Documents.Import.Parsing;

namespace Samverkan.Documents.Tests.Import;

public sealed class SwedishTextTests
{
    [Theory]
    [InlineData("Datum: 2019-09-25", 2019, 9, 25)]
    [InlineData("Falun 25 september 2019", 2019, 9, 25)]
    [InlineData("Falun den 9 oktober 2019", 2019, 10, 9)]
    [InlineData("den 1:a mars 2024", 2024, 3, 1)]
    [InlineData("3 okt. 2022", 2022, 10, 3)]
    [InlineData("Smedjebacken 29/10 2019", 2019, 10, 29)]
    [InlineData("29.10.2019", 2019, 10, 29)]
    public void Reads_swedish_dates(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), SwedishDates.First(text)?.Date);

    [Theory]
    [InlineData("för åren 2019-2022")]
    [InlineData("2019-02-30")]
    [InlineData("32 januari 2020")]
    [InlineData("telefon 070-684 34 81")]
    public void Is_not_fooled_by_things_that_are_not_dates(string text) => Assert.Null(SwedishDates.First(text));

    [Fact]
    public void Splits_sentences_but_not_abbreviations()
    {
        const string s = "Region Dalarna stödjer t.ex. Dalateatern m.fl. i länet. Kommunen ska bidra, bl.a. med lokaler. De sju målen är 1. Läsa";
        var text = new MappedText(s, Enumerable.Range(0, s.Length).ToArray());
        var sentences = Commitments.Sentences(text).Select(s => s.Text).ToList();
        Assert.Equal(
            ["Region Dalarna stödjer t.ex. Dalateatern m.fl. i länet.", "Kommunen ska bidra, bl.a. med lokaler.", "De sju målen är 1. Läsa"],
            sentences);
    }
}
