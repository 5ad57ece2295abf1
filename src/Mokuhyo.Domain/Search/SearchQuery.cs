using Mokuhyo.Domain.Text;

namespace Mokuhyo.Domain.Search;

/// <summary>
/// What a reader typed, read as literal text: split at spaces (full-width ones too) into terms that
/// must all occur. Quotes, operators and symbols are characters like any other.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>The longest query, in text elements.</summary>
    public const int MaxLength = 100;

    /// <summary>The most terms a query may hold.</summary>
    public const int MaxTerms = 10;

    private SearchQuery(SearchQueryProblem problem, IReadOnlyList<string> terms)
    {
        Problem = problem;
        Terms = terms;
    }

    public SearchQueryProblem Problem { get; }

    /// <summary>The distinct terms, folded (<see cref="SearchText.Fold"/>), in the order typed.</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool IsValid => Problem == SearchQueryProblem.None;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery(SearchQueryProblem.Empty, []);
        }

        if (!TextRules.FitsWithin(text, MaxLength))
        {
            return new SearchQuery(SearchQueryProblem.TooLong, []);
        }

        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(t => t.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            .Select(SearchText.Fold)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (terms.Count == 0)
        {
            return new SearchQuery(SearchQueryProblem.Empty, []);
        }

        return terms.Count > MaxTerms ? new SearchQuery(SearchQueryProblem.TooManyTerms, []) : new SearchQuery(SearchQueryProblem.None, terms);
    }

    // Split(null) splits at every white-space character; these are the ones it does not treat so but a reader would.
    private static readonly char[] Separators = ['\u200B', '\uFEFF', '\0'];
}

public enum SearchQueryProblem
{
    None = 0,
    Empty = 1,
    TooLong = 2,
    TooManyTerms = 3,
}
