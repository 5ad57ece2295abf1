using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Data.Search;

/// <summary>
/// Searches the published reports: every term of the query must occur, as a substring, in one
/// entry. SQLite narrows with its trigram index and PostgreSQL with pg_trgm; both then decide on the
/// folded text itself, so they find the same entries, in the same stable order.
/// </summary>
public sealed class SearchService(MokuhyoDbContext db, IMemoryCache? cache = null)
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
    /// SQLite. The trigram index gives the matching rowids in about a millisecond even for a common word;
    /// what costs is looking at the entries behind them. So no wide SearchEntries row is read until the
    /// page is known: filters are answered from narrow indexes, and only the page's rows are read in full,
    /// for the snippets. Two ways, chosen by how many entries the filters leave:
    /// <list type="bullet">
    /// <item>a selective filter (a city, a department in a year: at most <see cref="SelectiveFilter"/>
    /// entries) takes its candidates from its own index and keeps those the FTS5 rowids contain; every hit
    /// is then known, and counted and ordered in memory;</item>
    /// <item>otherwise the FTS5 rowids are streamed in rowid order through <see cref="SqliteFilterIndex"/>
    /// (keyed by Id, holding the filter columns) with a LIMIT: the count stops at the cap, and the page is
    /// filled year by year, newest first, stopping as soon as it is full.</item>
    /// </list>
    /// Both give PostgreSQL's order: FiscalYear DESC, then Id.
    /// </summary>
    private async Task<SearchResults> SearchSqliteAsync(SearchRequest request, IReadOnlyList<string> terms, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await ReadPragmasAsync(cancellationToken);
            var plan = await SqlitePlanAsync(terms, cancellationToken);
            if (plan is null)
            {
                return new SearchResults([], 0, page, pageSize);
            }

            var (match, scanned) = plan.Value;
            if (match is null)
            {
                var (where, parameters) = SqliteFilters(scanned, request, indexed: true);
                return await ScanSqliteAsync(where, parameters, request, terms, page, pageSize, cancellationToken);
            }

            if (request.City is not null || request.Year is not null || request.Department is not null || request.Rating is not null)
            {
                var (filters, filterParameters) = SqliteFilters([], request, indexed: true);
                var candidates = (long)(await ScalarAsync($"SELECT count(*) FROM (SELECT 1 FROM \"SearchEntries\" e WHERE {filters} LIMIT {SelectiveFilter + 1})",
                    filterParameters, cancellationToken))!;
                if (candidates <= SelectiveFilter)
                {
                    return await SelectiveSqliteAsync(match, scanned, request, terms, page, pageSize, cancellationToken);
                }
            }

            return await StreamSqliteAsync(match, scanned, request, terms, page, pageSize, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>A selective filter: its candidates, kept when among the FTS5 rowids, then counted and ordered in memory.</summary>
    private async Task<SearchResults> SelectiveSqliteAsync(string match, List<string> scanned, SearchRequest request, IReadOnlyList<string> terms,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (where, parameters) = SqliteFilters(scanned, request, indexed: true);
        parameters.Add(("$match", match));
        var found = await PairsAsync(SqliteSelectiveSql(where), parameters, cancellationToken);
        var capped = found.Count > CountCap;
        var total = Math.Min(found.Count, CountCap);
        var skip = (page - 1) * pageSize;
        if (skip >= total)
        {
            return new SearchResults([], total, page, pageSize, capped);
        }

        found.Sort(static (a, b) => a.Year != b.Year ? b.Year.CompareTo(a.Year) : a.Id.CompareTo(b.Id));
        var ids = found.Skip(skip).Take(Math.Min(pageSize, total - skip)).Select(f => f.Id).ToList();
        return new SearchResults(await HitsAsync(ids, terms, cancellationToken), total, page, pageSize, capped);
    }

    /// <summary>No selective filter: the FTS5 rowids streamed with a LIMIT, for the count and then for the page, year by year.</summary>
    private async Task<SearchResults> StreamSqliteAsync(string match, List<string> scanned, SearchRequest request, IReadOnlyList<string> terms,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var (where, parameters) = SqliteFilters(scanned, request, indexed: false);
        parameters.Add(("$match", match));
        // Without filters the count needs no entry at all: the FTS5 rowids are the hits.
        var countSql = where == "1"
            ? $"SELECT count(*) FROM (SELECT rowid FROM \"{SearchIndex.SqliteFtsTable}\" WHERE \"{SearchIndex.SqliteFtsTable}\" MATCH $match LIMIT {CountCap + 1})"
            : $"SELECT count(*) FROM ({SqliteStreamSql(where)} LIMIT {CountCap + 1})";
        var counted = (int)(long)(await ScalarAsync(countSql, parameters, cancellationToken))!;
        return await PageByYearAsync(
            counted,
            y => $"{SqliteStreamSql(where + " AND +e.\"FiscalYear\" = " + y.ToString(System.Globalization.CultureInfo.InvariantCulture))} ORDER BY f.rowid",
            parameters, request, terms, page, pageSize, cancellationToken);
    }

    /// <summary>A filter leaving at most this many entries is selective: its candidates are checked against the hits, not the reverse.</summary>
    public const int SelectiveFilter = 2000;

    /// <summary>The narrow index keyed by Id that the streamed hits are filtered through (see SearchEntryConfiguration).</summary>
    public const string SqliteFilterIndex = "IX_SearchEntries_Filters";

    /// <summary>
    /// The hits, streamed: the FTS5 rowids (parameter $match) in the order FTS5 hands them out (rowid; so
    /// a LIMIT stops the FTS5 scan too, where an IN list would first read every hit), each looked up in
    /// <see cref="SqliteFilterIndex"/> rather than in the table, whose rows are wide. Public so that its
    /// query plan can be checked.
    /// </summary>
    public static string SqliteStreamSql(string filters) =>
        $"SELECT e.\"Id\", e.\"FiscalYear\" FROM \"{SearchIndex.SqliteFtsTable}\" f JOIN \"SearchEntries\" e INDEXED BY \"{SqliteFilterIndex}\" ON e.\"Id\" = f.rowid WHERE \"{SearchIndex.SqliteFtsTable}\" MATCH $match AND {filters}";

    /// <summary>
    /// The hits a selective filter leaves: its candidates from the filter's own index (the unary + keeps
    /// SQLite from driving by rowid instead), kept when the FTS5 rowids (read once) contain them.
    /// Public so that its query plan can be checked.
    /// </summary>
    public static string SqliteSelectiveSql(string filters) =>
        $"SELECT e.\"Id\", e.\"FiscalYear\" FROM \"SearchEntries\" e WHERE {filters} AND +e.\"Id\" IN ({FtsRowids})";

    private const string FtsRowids = $"SELECT rowid FROM \"{SearchIndex.SqliteFtsTable}\" WHERE \"{SearchIndex.SqliteFtsTable}\" MATCH $match";

    /// <summary>The newest year with entries before <paramref name="before"/>: one step down an index each, instead of a DISTINCT over all entries.</summary>
    private async Task<int?> LatestYearBeforeAsync(int before, CancellationToken cancellationToken)
    {
        var year = await ScalarAsync($"SELECT max(\"FiscalYear\") FROM \"SearchEntries\" WHERE \"FiscalYear\" < $before", [("$before", before)], cancellationToken);
        return year is null or DBNull ? null : (int)(long)year;
    }

    /// <summary>
    /// When every term is a very common character (no trigram list narrows it), the table itself is read
    /// with instr. The rows are then asked for in rowid order with a LIMIT, so the count stops at the cap
    /// and the page, filled year by year (newest first), stops as soon as it is full.
    /// </summary>
    private async Task<SearchResults> ScanSqliteAsync(string where, List<(string Name, object Value)> parameters, SearchRequest request,
        IReadOnlyList<string> terms, int page, int pageSize, CancellationToken cancellationToken)
    {
        var counted = (int)(long)(await ScalarAsync($"SELECT count(*) FROM (SELECT 1 FROM \"SearchEntries\" e WHERE {where} LIMIT {CountCap + 1})", parameters, cancellationToken))!;
        return await PageByYearAsync(
            counted,
            y => $"SELECT e.\"Id\", e.\"FiscalYear\" FROM \"SearchEntries\" e WHERE {where} AND e.\"FiscalYear\" = {y.ToString(System.Globalization.CultureInfo.InvariantCulture)} ORDER BY e.\"Id\"",
            parameters, request, terms, page, pageSize, cancellationToken);
    }

    /// <summary>
    /// Fills the page newest year first (each year in id order): <paramref name="yearSql"/> gives one year's
    /// (Id, FiscalYear) rows in order, asked for with a LIMIT so that reading stops as soon as the page is full.
    /// <paramref name="counted"/> is the hits counted up to one past the cap.
    /// </summary>
    private async Task<SearchResults> PageByYearAsync(int counted, Func<int, string> yearSql, List<(string Name, object Value)> parameters,
        SearchRequest request, IReadOnlyList<string> terms, int page, int pageSize, CancellationToken cancellationToken)
    {
        var capped = counted > CountCap;
        var total = Math.Min(counted, CountCap);
        var skip = (page - 1) * pageSize;
        if (skip >= total)
        {
            return new SearchResults([], total, page, pageSize, capped);
        }

        var need = Math.Min(pageSize, total - skip);
        var ids = new List<long>();
        var year = request.Year ?? await LatestYearBeforeAsync(int.MaxValue, cancellationToken);
        while (year is { } y && ids.Count < need)
        {
            var found = await PairsAsync(
                $"{yearSql(y)} LIMIT {skip + need - ids.Count}",
                parameters, cancellationToken);
            if (found.Count <= skip)
            {
                skip -= found.Count;
            }
            else
            {
                ids.AddRange(found.Skip(skip).Select(f => f.Id));
                skip = 0;
            }

            year = request.Year is null ? await LatestYearBeforeAsync(y, cancellationToken) : null;
        }

        return new SearchResults(await HitsAsync(ids, terms, cancellationToken), total, page, pageSize, capped);
    }

    /// <summary>
    /// The filters and the instr tests, ANDed. <paramref name="indexed"/> false writes each filter as
    /// +column, so that SQLite cannot drive the query by that column's index (the streamed way is driven by
    /// the FTS5 rowids).
    /// </summary>
    private static (string Where, List<(string Name, object Value)> Parameters) SqliteFilters(List<string> scanned, SearchRequest request, bool indexed)
    {
        var parameters = new List<(string, object)>();
        var where = new List<string>();
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
                where.Add($"{(indexed ? "" : "+")}e.\"{column}\" = ${column}");
                parameters.Add(("$" + column, value));
            }
        }

        Equal("MunicipalitySlug", request.City);
        Equal("FiscalYear", request.Year);
        Equal("DepartmentCode", request.Department);
        Equal("RatingOutcome", request.Rating);
        return (where.Count == 0 ? "1" : string.Join(" AND ", where), parameters);
    }

    /// <summary>
    /// Memory-mapped reads for the search's connection: the filter index and the FTS5 segments are read
    /// through the page cache without a copy per page. Applies to the pooled connection for its lifetime.
    /// </summary>
    private async Task ReadPragmasAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"PRAGMA mmap_size = {SqliteMmapSize}", []);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const long SqliteMmapSize = 256L * 1024 * 1024;

    private async Task<object?> ScalarAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<List<(long Id, int Year)>> PairsAsync(string sql, List<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        var pairs = new List<(long, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetInt64(0), reader.GetInt32(1)));
        }

        return pairs;
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

    /// <summary>
    /// The FTS5 expression (null when every term is scanned) and the terms to confirm with instr; null when
    /// nothing can match. A term of one or two characters becomes the OR of the trigrams that begin with it:
    /// every entry ends with two line breaks, so every occurrence of the term begins a trigram, and an entry
    /// holds one of those trigrams exactly when it holds the term — no confirmation is needed. Only a term
    /// with too many such trigrams (a very common character) is left to instr.
    /// </summary>
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

            var trigrams = await TrigramsStartingWithAsync(term, cancellationToken);
            if (trigrams.Count == 0)
            {
                return null;
            }

            if (trigrams.Count <= MaxTrigramsPerTerm)
            {
                parts.Add("(" + string.Join(" OR ", trigrams.Select(Quote)) + ")");
            }
            else
            {
                scanned.Add(term);
            }
        }

        return (parts.Count == 0 ? null : string.Join(" AND ", parts), scanned);
    }

    /// <summary>What the filters of a search form can offer: the years and departments that have published entries.</summary>
    public async Task<SearchFilterOptions> FilterOptionsAsync(string? city, CancellationToken cancellationToken = default)
    {
        if (cache is null)
        {
            return await ReadFilterOptionsAsync(city, cancellationToken);
        }

        // Entries change only in a publication's transaction (or a rebuild of the same publications), and
        // publications are only ever added: their count is a stamp every node reads alike, so a cached list is
        // never older than the last publication. Reading the lists scans every entry; the count does not.
        var stamp = await db.PublishedReports.CountAsync(cancellationToken);
        var key = new FilterOptionsKey(city, stamp);
        if (cache.TryGetValue(key, out SearchFilterOptions? cached) && cached is not null)
        {
            return cached;
        }

        var options = await ReadFilterOptionsAsync(city, cancellationToken);
        // A city that has nothing published (or a made-up name in the query string) is not kept: the cache holds
        // one list per real city at most.
        if (city is null || options.Years.Count > 0)
        {
            cache.Set(key, options, FilterOptionsLifetime);
        }

        return options;
    }

    private static readonly TimeSpan FilterOptionsLifetime = TimeSpan.FromMinutes(10);

    private sealed record FilterOptionsKey(string? City, int Stamp);

    private async Task<SearchFilterOptions> ReadFilterOptionsAsync(string? city, CancellationToken cancellationToken)
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
        // A range on the term column is answered from the index; U+10FFFF sorts after every character.
        await using var command = Command($"SELECT term FROM \"{SearchIndex.SqliteVocabularyTable}\" WHERE term >= $from AND term < $to LIMIT {MaxTrigramsPerTerm + 1}",
            [("$from", term), ("$to", term + char.ConvertFromUtf32(0x10FFFF))]);
        var trigrams = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            trigrams.Add(reader.GetString(0));
        }

        return trigrams;
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
