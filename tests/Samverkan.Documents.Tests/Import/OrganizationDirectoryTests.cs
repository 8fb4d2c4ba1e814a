using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;

namespace Samverkan.Documents.Tests.Import;

public sealed class OrganizationDirectoryTests
{
    private static readonly InMemoryOrganizationDirectory Directory = TestDirectory.Instance;

    [Theory]
    [InlineData("Smedjebackens kommun", "2061")]
    [InlineData("smedjebackens kommun", "2061")]
    [InlineData("Smedjebacken", "2061")]
    [InlineData("Smedjebackens", "2061")]
    [InlineData("Smedjebacken kommun", "2061")]
    [InlineData("Smedjebackens kommuns", "2061")]
    [InlineData("Region Dalarna", "20")]
    [InlineData("REGION DALARNA", "20")]
    [InlineData("Region Dalarnas", "20")]
    [InlineData("Landstinget Dalarna", "20")]
    [InlineData("För Region Dalarna", "20")]
    [InlineData("Region Dalarna,", "20")]
    [InlineData("Dalarnas museum", "dalarnas-museum")]
    [InlineData("Stiftelsen Dalarnas museum", "dalarnas-museum")]
    [InlineData("Dalateaterns", "dalateatern")]
    [InlineData("Musik i Dalarna", "musik-i-dalarna")]
    [InlineData("Folkmusikens Hus", "folkmusikens-hus")]
    [InlineData("Kulturrådet", "kulturradet")]
    [InlineData("Ludvika", "2085")]
    [InlineData("Falu kommun", "2080")]
    public void Resolves_names_as_documents_write_them(string written, string code) =>
        Assert.Equal(code, Directory.Resolve(written)?.Code);

    [Theory]
    [InlineData("Dalarna")]
    [InlineData("Riksteatern")]
    [InlineData("")]
    [InlineData("kommun och region")]
    public void Unknown_names_resolve_to_nothing(string written) => Assert.Null(Directory.Resolve(written));

    [Fact]
    public void Generic_words_mean_the_agreements_own_parties()
    {
        Assert.Null(Directory.Resolve("regionen"));
        var parties = new[] { TestDirectory.Smedjebacken, TestDirectory.Dalarna };
        Assert.Equal("20", Directory.Resolve("regionen", parties)?.Code);
        Assert.Equal("20", Directory.Resolve("Region", parties)?.Code);
        Assert.Equal("2061", Directory.Resolve("kommunen", parties)?.Code);
        Assert.Equal("2061", Directory.Resolve("Kommunen", parties)?.Code);
        Assert.Null(Directory.Resolve("kommunen", [TestDirectory.Dalarna]));
        Assert.Null(Directory.Resolve("kommunen", [TestDirectory.Smedjebacken, TestDirectory.Ludvika]));
    }

    [Fact]
    public void A_name_two_parties_share_is_not_guessed()
    {
        var first = new Samverkan.Agreements.PartyRef("a", "Kulturhuset", PartyKinds.Institution);
        var second = new Samverkan.Agreements.PartyRef("b", "Kulturhuset", PartyKinds.Organizer);
        var directory = new InMemoryOrganizationDirectory([first, second]);
        Assert.Null(directory.Resolve("Kulturhuset"));
        Assert.Equal("b", directory.Resolve("Kulturhuset", [second])?.Code);
    }
}
