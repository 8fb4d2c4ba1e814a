namespace Samverkan.BrowserTests.PageObjects;

/// <summary>The comparison at /overenskommelser/jamforelse: the choices, the matrix, the list per municipality and the CSV link.</summary>
public sealed class ComparisonPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Region => page.GetByLabel("Region", new() { Exact = true });
    public ILocator Year => page.GetByLabel("År", new() { Exact = true });
    public ILocator ByGoal => page.GetByRole(AriaRole.Radio, new() { Name = "Mål i kulturplanen" });
    public ILocator ByArea => page.GetByRole(AriaRole.Radio, new() { Name = "Samverkansområde" });
    public ILocator GoalFilter => page.GetByLabel("Vem har åtagit sig målet?");
    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true });
    public ILocator ResultHeading => page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First;

    /// <summary>The matrix scrolls sideways inside a region of its own, named by the table's caption.</summary>
    public ILocator Matrix => page.GetByRole(AriaRole.Table);
    public ILocator MatrixRegion => page.GetByRole(AriaRole.Region, new() { Name = "Åtaganden per kommun" });
    public ILocator RowHeaders => Matrix.GetByRole(AriaRole.Rowheader);
    public ILocator ColumnHeaders => Matrix.GetByRole(AriaRole.Columnheader);
    public ILocator Row(string municipality) => Matrix.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = municipality }) });

    public ILocator CsvLink => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned tabellen som CSV-fil" });
    public ILocator ListLink => page.GetByRole(AriaRole.Link, new() { Name = "Läs samma uppgifter som lista per kommun" });
    public ILocator AllGoalsLink => page.GetByRole(AriaRole.Link, new() { Name = "Visa alla mål" });
    public ILocator Municipality(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });
}
