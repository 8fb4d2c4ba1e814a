using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverkan.Web.Pages;

public sealed class FelModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int status)
    {
        (Heading, Text) = status switch
        {
            403 => ("Åtkomst nekad", "Du får inte göra detta för den organisationen. Du kan bara ändra uppgifter för den organisation ditt konto hör till."),
            404 => ("Sidan finns inte", "Det du letar efter finns inte, eller så är det inte offentligt."),
            _ => ("Något gick fel", "Ett oväntat fel inträffade. Försök igen om en stund."),
        };
    }
}
