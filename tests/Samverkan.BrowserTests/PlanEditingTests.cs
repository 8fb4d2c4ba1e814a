using System.Text.RegularExpressions;
using Samverkan.BrowserTests.PageObjects;
using Samverkan.BrowserTests.Support;

namespace Samverkan.BrowserTests;

[Collection(PlanEditingCollection.Name)]
public sealed class PlanEditingTests(BrowserFixture app)
{
    [Fact]
    public async Task RegionOfficer_SignsInWithKeyboard_AndCreatesAPlan()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        var signIn = await new SignInPage(page).GotoAsync();
        await page.AssertAccessibleAsync();
        await signIn.SignInWithKeyboardAsync(app.Data.RegionOfficer.Email, app.Data.RegionOfficer.Password);
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, "/").ToString());

        await page.GotoAsync("/planer");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny kulturplan" }).ClickAsync();
        var form = new PlanFormPage(page);
        await Expect(form.Title).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await form.FillAsync("Kulturplan 2027–2030 (webbtest)", 2027, 2030, reference: "RD 2026/0100", summary: "Ett utkast från webbtesterna.");
        await form.SaveButton.ClickAsync();

        var plan = new PlanDetailPage(page);
        await Expect(plan.Heading).ToHaveTextAsync("Kulturplan 2027–2030 (webbtest)");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("RD 2026/0100");
        await Expect(page.GetByText("Utkast", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Planen har inga utvecklingsområden eller mål ännu.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task RegionOfficer_AddsGoalWithIndicator_EditsIt_AndSeesItInTheGoalTree()
    {
        var planId = await app.Data.CreatePlanAsync("Kulturplan för målträdet (webbtest)");
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInPage.SignInAsync(page, app.Data.RegionOfficer, $"/planer/{planId}");
        var plan = new PlanDetailPage(page);

        await plan.NewGoalLink.ClickAsync();
        var goalForm = new GoalFormPage(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt mål", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await goalForm.Title.FillAsync("Fler besök på länets scener");
        await goalForm.Description.FillAsync("Scenkonsten ska nå hela länet, inte bara de största orterna.");
        await goalForm.FillIndicatorAsync(1, "Besök per 1 000 invånare", "besök", "410", 2026, "500", 2030);
        await goalForm.SaveButton.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, $"/planer/{planId}").ToString());
        await Expect(plan.Goal("Fler besök på länets scener"))
            .ToContainTextAsync("Besök per 1 000 invånare: 410 besök (2026) → mål 500 besök (2030)");

        await plan.EditGoalLink("Fler besök på länets scener").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redigera mål", Level = 1 })).ToBeVisibleAsync();
        await Expect(goalForm.Title).ToHaveValueAsync("Fler besök på länets scener");
        await Expect(goalForm.Indicator(1).GetByLabel("Namn")).ToHaveValueAsync("Besök per 1 000 invånare");
        await page.AssertAccessibleAsync();
        await goalForm.Title.FillAsync("Fler besök på scenerna i hela länet");
        await goalForm.Indicator(1).GetByLabel("Målvärde").FillAsync("520");
        await goalForm.SaveButton.ClickAsync();

        await Expect(plan.Goal("Fler besök på scenerna i hela länet")).ToContainTextAsync("→ mål 520 besök (2030)");
        await Expect(plan.GoalTree.GetByText("Fler besök på länets scener", new() { Exact = true })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ChangeHistory_ListsThePlanEdit_WithWhoAndTheValuesBeforeAndAfter()
    {
        var planId = await app.Data.CreatePlanAsync("Kulturplan före ändringen (webbtest)");
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInPage.SignInAsync(page, app.Data.RegionOfficer, $"/planer/{planId}/redigera");
        var form = new PlanFormPage(page);
        await Expect(form.Title).ToHaveValueAsync("Kulturplan före ändringen (webbtest)");

        await form.Title.FillAsync("Kulturplan efter ändringen (webbtest)");
        await form.SaveButton.ClickAsync();
        var plan = new PlanDetailPage(page);
        await Expect(plan.Heading).ToHaveTextAsync("Kulturplan efter ändringen (webbtest)");
        await plan.HistoryLink.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ändringshistorik", Level = 1 })).ToBeVisibleAsync();
        var edit = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Ändrad" });
        await Expect(edit).ToHaveCountAsync(1);
        await Expect(edit).ToContainTextAsync("av Hanna Handläggare (20) via web");
        // People read the log: Swedish text must appear as written, not as JSON escapes (\u00E4).
        await Expect(edit).ToContainTextAsync("Kulturplan före ändringen (webbtest)");
        await Expect(edit).ToContainTextAsync("Kulturplan efter ändringen (webbtest)");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Skapad" })).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PlanForm_WithEmptyTitle_ShowsErrorSummaryLinkedToTheField_AndKeepsTheTypedValues()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignInPage.SignInAsync(page, app.Data.RegionOfficer);
        var form = await new PlanFormPage(page).GotoNewAsync();

        await form.FillAsync("", 2027, 2030, reference: "RD 2026/0101", summary: "Texten ska finnas kvar efter felet.");
        await form.SaveButton.ClickAsync();

        await Expect(form.ErrorSummary).ToBeVisibleAsync();
        var errorLink = form.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Titeln får inte vara tom." });
        await Expect(errorLink).ToHaveAttributeAsync("href", "#Input_Title");
        // The link leads to the field that has the error: the one labelled "Titel", which also announces the message.
        await Expect(page.Locator("#Input_Title")).ToHaveAccessibleNameAsync("Titel");
        await Expect(form.Title).ToHaveAccessibleDescriptionAsync("Titeln får inte vara tom.");
        await Expect(form.FirstYear).ToHaveValueAsync("2027");
        await Expect(form.LastYear).ToHaveValueAsync("2030");
        await Expect(form.Reference).ToHaveValueAsync("RD 2026/0101");
        await Expect(form.Summary).ToHaveValueAsync("Texten ska finnas kvar efter felet.");
        await page.AssertAccessibleAsync();

        await errorLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#Input_Title$"));
    }
}
