using Samverkan.BrowserTests.PageObjects;

namespace Samverkan.BrowserTests.Support;

public static class Sessions
{
    /// <summary>A fresh browser context signed in as <paramref name="user"/> through the sign-in form, on <paramref name="returnUrl"/>.</summary>
    public static async Task<BrowserSession> SignedInAsync(this BrowserFixture app, TestUser user, string returnUrl = "/")
    {
        var session = await app.NewSessionAsync();
        await SignInPage.SignInAsync(session.Page, user, returnUrl);
        return session;
    }

    /// <summary>A short random tag that keeps titles unique in the database all tests share.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..6];
}
