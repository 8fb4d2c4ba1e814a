using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>The one place where expected failures become page results: form errors, 403, 404 or sign-in.</summary>
public static class PageErrors
{
    /// <summary>Returns the page again with the error on its field, or the status page for access and missing records.</summary>
    public static IActionResult Show(this PageModel page, Error error, string prefix = "Input")
    {
        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return page.NotFound();
            case ErrorKind.Forbidden:
                return page.StatusCode(StatusCodes.Status403Forbidden);
            case ErrorKind.Unauthenticated:
                return page.Challenge();
            default:
                var field = error.Field is null ? null : $"{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
                var key = field is null ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}";
                page.ModelState.AddModelError(key, error.Message);
                return page.Page();
        }
    }
}
