using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverkan.Web.Pages;

// Status code pages and the exception handler re-execute the failed request here with its own method, so a
// failed POST arrives as a POST: it is answered like a GET, and its form is not checked for an antiforgery
// token (the page changes nothing, and a refused token would replace the real status with 400).
[IgnoreAntiforgeryToken]
public sealed class FelModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnPost(int status) => OnGet(status);

    public void OnGet(int status)
    {
        // The exception handler sends every exception here; a NUL in the input is the one that is the caller's (400).
        if (Data.NulInTextException.In(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error) is { } nul)
        {
            (Heading, Text) = ("Ogiltigt tecken", nul.Message);
            return;
        }
        (Heading, Text) = status switch
        {
            403 => ("Åtkomst nekad", "Du får inte göra detta för den organisationen. Du kan bara ändra uppgifter för den organisation ditt konto hör till."),
            404 => ("Sidan finns inte", "Det du letar efter finns inte, eller så är det inte offentligt."),
            413 => ("För stor fil eller begäran", "Det du skickade är större än vad tjänsten tar emot. Välj en mindre fil."),
            429 => ("För många försök", "Du har gjort för många försök på kort tid. Vänta en minut och försök igen."),
            _ => ("Något gick fel", "Ett oväntat fel inträffade. Försök igen om en stund."),
        };
    }
}
