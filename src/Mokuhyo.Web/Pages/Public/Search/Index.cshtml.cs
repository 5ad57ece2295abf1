using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Search;

namespace Mokuhyo.Web.Pages.Public.Search;

/// <summary>/search: every city hosted here.</summary>
public sealed class IndexModel(SearchService search, IStringLocalizer<SearchPageText> text) : SearchPageModel(search, text)
{
    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => SearchAsync(null, cancellationToken);
}
