using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Accounts;

namespace Samverkan.Web.Pages;

public sealed class LoggaInModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        // One message for unknown account and wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError("Input.Password", result.IsLockedOut
            ? "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en kvart."
            : "Fel e-postadress eller lösenord.");
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Ange din e-postadress.")]
        [EmailAddress(ErrorMessage = "Ange en giltig e-postadress.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Ange ditt lösenord.")]
        public string? Password { get; set; }
    }
}
