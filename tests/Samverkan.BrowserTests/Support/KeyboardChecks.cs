namespace Samverkan.BrowserTests.Support;

/// <summary>Moving through a page the way a keyboard user does: Tab, and nothing else, until the wanted control has focus.</summary>
public static class KeyboardChecks
{
    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus; fails when it is not reached within
    /// <paramref name="maxPresses"/>, which means it is out of the tab order or far from where focus was.
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 60, bool backwards = false)
    {
        var handle = await target.ElementHandleAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await handle.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? '(nothing)'");
        Assert.Fail($"{maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} did not reach {target}; focus is on {focused}");
    }
}
