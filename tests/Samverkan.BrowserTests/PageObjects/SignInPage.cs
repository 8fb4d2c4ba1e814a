namespace Samverkan.BrowserTests.PageObjects;

public sealed class SignInPage(IPage page)
{
    public ILocator Email => page.GetByLabel("E-postadress");
    public ILocator Password => page.GetByLabel("Lösenord", new() { Exact = true });
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Logga in" });

    public async Task<SignInPage> GotoAsync(string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/logga-in" : $"/logga-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return this;
    }

    /// <summary>Signs in the way a keyboard user does: type the address, Tab to the password, Enter to send.</summary>
    public async Task SignInWithKeyboardAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(Password).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
    }

    /// <summary>Signs in through the form and lands on <paramref name="returnUrl"/>.</summary>
    public static async Task SignInAsync(IPage page, Support.TestUser user, string returnUrl = "/")
    {
        var signIn = await new SignInPage(page).GotoAsync(returnUrl);
        await signIn.Email.FillAsync(user.Email);
        await signIn.Password.FillAsync(user.Password);
        await signIn.SubmitButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
    }
}
