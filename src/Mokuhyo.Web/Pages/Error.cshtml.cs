using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Mokuhyo.Web.Pages;

/// <summary>
/// The page every error status ends on, in the reader's language, keeping the original status code.
/// Under /api it answers with problem details instead of a page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> text, ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public IActionResult OnGet(int code) => Handle(code);

    public IActionResult OnPost(int code) => Handle(code);

    private IActionResult Handle(int code)
    {
        // Reached directly (/error/404) there is no original request: answer as that status would.
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        var key = status switch
        {
            400 or 404 or 500 => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            >= 500 => "500",
            _ => "Other",
        };
        Title = text[$"Error.{key}.Title"];
        Detail = text[$"Error.{key}.Detail"];

        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (exception is not null)
        {
            logger.LogError(exception.Error, "Unhandled error on {Path}", exception.Path);
        }

        Response.StatusCode = status;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? exception?.Path ?? "";
        if (originalPath.StartsWith("/api/", StringComparison.Ordinal))
        {
            return new ObjectResult(new ProblemDetails { Status = status, Title = Title, Detail = Detail })
            {
                StatusCode = status,
                ContentTypes = { "application/problem+json" },
            };
        }

        return Page();
    }
}
