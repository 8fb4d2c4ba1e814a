using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Notifications;

namespace Samverkan.Web.Pages.Utveckling;

/// <summary>The outgoing e-mail, for developers running without a mail server. Does not exist outside Development.</summary>
public sealed class OutboxModel(ListOutboxMessages messages, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<OutboxMessageView> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!environment.IsDevelopment()) return NotFound();
        Messages = await messages.ExecuteAsync(200, ct);
        return Page();
    }
}
