using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Data.Search;

/// <summary>
/// Searches the published reports: every term of the query must occur, as a substring, in one
/// entry. SQLite narrows with its trigram index and PostgreSQL with pg_trgm; both then decide on the
/// folded text itself, so they find the same entries, in the same stable order.
/// </summary>
public sealed class SearchService(MokuhyoDbContext db)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Hits are counted, and can be paged through, up to this many; beyond, the reader narrows the search.</summary>
    public const int CountCap = 1000;

    /// <summary>The ratings a filter may name: the outcome of a goal's rating.</summary>
    public static IReadOnlyList<string> RatingOutcomes { get; } = ["met", "not-met", "not-rated"];

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Query.IsValid)
        {
            throw new ArgumentException("Only a valid query can be searched.", nameof(request));
        }

        var terms = request.Query.Terms;
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(request.Page, 1);
        if (db.Database.IsSqlite())
        {
            return await SearchSqliteAsync(request, terms, page, pageSize, cancellationToken);
        }

        var entries = Filter(Match(db.SearchEntries, terms), request);

        // Counting stops at the cap: a common word can match most of the corpus, and counting and
        // ordering all of it is what made such queries slow. Readers are told "more than 1,000".
        var counted = await entries.Select(e => e.Id).Take(CountCap + 1).CountAsync(cancellationToken);
        var capped = counted > CountCap;
        var total = Math.Min(counted, CountCap);
        var skip = (page - 1) * pageSize;
        if (skip >= total)
        {
            return new SearchResults([], total, page, pageSize, capped);
        }

        // Newest year first, then the order entries were indexed in (the index rebuild writes them in
        // the report's order). Only the ids are ordered, so no published text is carried through the sort.
        var ids = await entries
            .OrderByDescending(e => e.FiscalYear).ThenBy(e => e.Id)
            .Skip(skip)
            .Take(Math.Min(pageSize, total - skip))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        return new SearchResults(await HitsAsync(ids, terms, cancellationToken), total, page, pageSize, capped);
    }

    private async Task<List<SearchHit>> HitsAsync(List<long> ids, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var rows = await db.SearchEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.MunicipalitySlug, e.MunicipalityName, e.FiscalYear, e.DepartmentCode, e.DepartmentName, e.Kind, e.Anchor,
                e.GoalNumber, e.Title, e.RatingOutcome, e.RatingLabel, e.Text,
            })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        var hits = ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => new SearchHit(r.MunicipalitySlug, r.MunicipalityName, r.FiscalYear,
            r.DepartmentCode, r.DepartmentName, r.Kind, r.Anchor, r.GoalNumber, r.Title, r.RatingOutcome, r.RatingLabel,
            SearchText.Snippet(r.Text, terms))).ToList();
        return hits;
    }

    /// <summary>
    /// SQLite: the trigram index hands out its rows in rowid order, so a query that asks for rows in that
    /// order with a LIMIT stops as soon as it has them, instead of reading every hit. The count stops at
    /// the cap; the page is filled year by year, newest first, each year in rowid order — the same order
    /// PostgreSQL gives with ORDER BY FiscalYear DESC, Id.
    /// </summary>
    private async Task<SearchResults> SearchSqliteAsync(SearchRequest request, IReadOnlyList<string> terms, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var plan = await SqlitePlanAsync(terms, cancellationToken);
        if (plan is null)
        {
            return new SearchResults([], 0, page, pageSize);
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var (from, order, where, parameters) = SqliteQuery(plan.Value.Match, plan.Value.Scanned, request);
            var counted = (int)(long)(await ScalarAsync($"SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {where} LIMIT {CountCap + 1})", parameters, cancellationToken))!;
            var capped = counted > CountCap;
            var total = Math.Min(counted, CountCap);
            var skip = (page - 1) * pageSize;
            if (skip >= total)
            {
                return new SearchResults([], total, page, pageSize, capped);
            }

            var need = Math.Min(pageSize, total - skip);
            List<int> years = request.Year is { } year ? [year] : await YearsAsync(cancellationToken);
            var ids = new List<long>();
            foreach (var y in years)
            {
                if (ids.Count == need)
                {
                    break;
                }

                var found = await IdsAsync($"SELECT {order} FROM {from} WHERE {where} AND e.\"FiscalYear\" = {y.ToString(System.Globalization.CultureInfo.InvariantCulture)} ORDER BY {order} LIMIT {skip + need - ids.Count}",
                    parameters, cancellationToken);
                if (found.Count <= skip)
                {
                    skip -= found.Count;
                    continue;
                }

                ids.AddRange(found.Skip(skip));
                skip = 0;
            }

            return new SearchResults(await HitsAsync(ids, terms, cancellationToken), total, page, pageSize, capped);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static (string From, string Order, string Where, List<(string Name, object Value)> Parameters) SqliteQuery(
        string? match, List<string> scanned, SearchRequest request)
    {
        var parameters = new List<(string, object)>();
        var where = new List<string>();
        string from, order;
        if (match is not null)
        {
            from = $"\"{SearchIndex.SqliteFtsTable}\" f JOIN \"SearchEntries\" e ON e.\"Id\" = f.rowid";
            order = "f.rowid";
            where.Add($"\"{SearchIndex.SqliteFtsTable}\" MATCH $match");
            parameters.Add(("$match", match));
        }
        else
        {
            from = "\"SearchEntries\" e";
            order = "e.\"Id\"";
        }

        for (var i = 0; i < scanned.Count; i++)
        {
            // instr() is what EF writes for Contains on SQLite: the same substring test on the folded text.
            where.Add($"instr(e.\"Folded\", $s{i}) > 0");
            parameters.Add(($"$s{i}", scanned[i]));
        }

        void Equal(string column, object? value)
        {
            if (value is not null)
            {
                where.Add($"e.\"{column}\" = ${column}");
                parameters.Add(("$" + column, value));
            }
        }

        Equal("MunicipalitySlug", request.City);
        Equal("FiscalYear", request.Year);
        Equal("DepartmentCode", request.Department);
        Equal("RatingOutcome", request.Rating);
        return (from, order, where.Count == 0 ? "1" : string.Join(" AND ", where), parameters);
    }

    private async Task<List<int>> YearsAsync(CancellationToken cancellationToken) =>
        await db.SearchEntries.Select(e => e.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    private async Task<object?> ScalarAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<List<long>> IdsAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private System.Data.Common.DbCommand Command(string sql, List<(string Name, object Value)> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The FTS5 expression (null when every term is scanned) and the terms to confirm with instr; null when nothing can match.</summary>
    private async Task<(string? Match, List<string> Scanned)?> SqlitePlanAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var scanned = new List<string>();
        foreach (var term in terms)
        {
            if (SearchText.CodePoints(term) >= 3)
            {
                parts.Add(Quote(term));
                continue;
            }

            scanned.Add(term);
            var trigrams = await TrigramsStartingWithAsync(term, cancellationToken);
            if (trigrams.Count == 0)
            {
                return null;
            }

            if (trigrams.Count <= MaxTrigramsPerTerm)
            {
                parts.Add("(" + string.Join(" OR ", trigrams.Select(Quote)) + ")");
            }
        }

        return (parts.Count == 0 ? null : string.Join(" AND ", parts), scanned);
    }

    /// <summary>What the filters of a search form can offer: the years and departments that have published entries.</summary>
    public async Task<SearchFilterOptions> FilterOptionsAsync(string? city, CancellationToken cancellationToken = default)
    {
        var entries = db.SearchEntries.AsNoTracking().Where(e => city == null || e.MunicipalitySlug == city);
        var years = await entries.Select(e => e.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var departments = await entries.Where(e => e.Kind == SearchEntryKinds.Department)
            .Select(e => new { e.DepartmentCode, e.DepartmentName, e.FiscalYear, e.DepartmentOrder })
            .ToListAsync(cancellationToken);
        var municipalities = await db.SearchEntries.AsNoTracking()
            .Select(e => new { e.MunicipalityCode, e.MunicipalitySlug, e.MunicipalityName }).Distinct()
            .ToListAsync(cancellationToken);
        return new SearchFilterOptions(
            years,
            [.. departments.GroupBy(d => d.DepartmentCode, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(d => d.FiscalYear).First())
                .OrderBy(d => d.DepartmentOrder).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal)
                .Select(d => new SearchOption(d.DepartmentCode, d.DepartmentName))],
            [.. municipalities.OrderBy(m => m.MunicipalityCode, StringComparer.Ordinal).Select(m => new SearchOption(m.MunicipalitySlug, m.MunicipalityName))]);
    }

    // PostgreSQL: LIKE with every wildcard escaped; pg_trgm's GIN index serves it for three characters or more.
    private static IQueryable<SearchEntry> Match(IQueryable<SearchEntry> entries, IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            var pattern = "%" + EscapeLike(term) + "%";
            entries = entries.Where(e => EF.Functions.Like(e.Folded, pattern, "\\"));
        }

        return entries.AsNoTracking();
    }

    // Beyond this many (a very common character), the rows the other terms and the filters leave are scanned instead.
    private const int MaxTrigramsPerTerm = 300;

    private async Task<List<string>> TrigramsStartingWithAsync(string term, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            // A range on the term column is answered from the index; U+10FFFF sorts after every character.
            command.CommandText = $"SELECT term FROM \"{SearchIndex.SqliteVocabularyTable}\" WHERE term >= $from AND term < $to LIMIT {MaxTrigramsPerTerm + 1}";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Parameter(command, "$from", term);
            Parameter(command, "$to", term + char.ConvertFromUtf32(0x10FFFF));
            var trigrams = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                trigrams.Add(reader.GetString(0));
            }

            return trigrams;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IQueryable<SearchEntry> Filter(IQueryable<SearchEntry> entries, SearchRequest request)
    {
        if (request.City is { } city)
        {
            entries = entries.Where(e => e.MunicipalitySlug == city);
        }

        if (request.Year is { } year)
        {
            entries = entries.Where(e => e.FiscalYear == year);
        }

        if (request.Department is { } department)
        {
            entries = entries.Where(e => e.DepartmentCode == department);
        }

        if (request.Rating is { } rating)
        {
            entries = entries.Where(e => e.RatingOutcome == rating);
        }

        return entries;
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>A search: a valid query, optional filters, and the page wanted (from 1).</summary>
public sealed record SearchRequest(SearchQuery Query, string? City = null, int? Year = null, string? Department = null, string? Rating = null,
    int Page = 1, int PageSize = SearchService.DefaultPageSize);

/// <summary>
/// A page of hits. <see cref="Total"/> is at most <see cref="SearchService.CountCap"/>; when more entries
/// match, <see cref="MoreThanTotal"/> is set and only the first <see cref="SearchService.CountCap"/> can be paged through.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize, bool MoreThanTotal = false)
{
    public int PageCount => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;
}

/// <summary>One entry found: where it is published, what it is, and a snippet with the matches marked.</summary>
public sealed record SearchHit(string MunicipalitySlug, string MunicipalityName, int FiscalYear, string DepartmentCode, string DepartmentName,
    string Kind, string Anchor, int? GoalNumber, string Title, string? RatingOutcome, string? RatingLabel, IReadOnlyList<SnippetPart> Snippet);

public sealed record SearchOption(string Value, string Label);

public sealed record SearchFilterOptions(IReadOnlyList<int> Years, IReadOnlyList<SearchOption> Departments, IReadOnlyList<SearchOption> Municipalities);
