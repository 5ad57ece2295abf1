using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Mokuhyo.Data.Accounts;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Checks shared by the administration forms, so each form words them alike.</summary>
internal static class AdminForms
{
    private const int MaxEmailLength = 256;

    public static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= MaxEmailLength && new EmailAddressAttribute().IsValid(text.Trim());

    /// <summary>Puts Identity's messages (already in the reader's language) beside the field they are about.</summary>
    public static void AddIdentityErrors(ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string emailField, string passwordField)
    {
        foreach (var error in errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : error.Code is "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" ? emailField
                : string.Empty;
            modelState.AddModelError(field, error.Description);
        }
    }

    /// <summary>The password policy's objections to a password, before anything is saved.</summary>
    public static async Task<IReadOnlyList<IdentityError>> CheckPasswordAsync(UserManager<StaffUser> users, StaffUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors;
    }

    /// <summary>One entry per non-empty line, trimmed.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>Every message about a field, beside it (the validation tag helper shows only the first).</summary>
    public static IHtmlContent FieldErrors(this IHtmlHelper html, string key)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.ViewData.ModelState[key] is not { Errors.Count: > 0 } entry)
        {
            return HtmlString.Empty;
        }

        var span = new TagBuilder("span");
        span.AddCssClass("field-error");
        span.InnerHtml.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        return span;
    }
}
