using System.Globalization;
using Mokuhyo.Domain.Workflow;
using static Mokuhyo.Web.Tests.Authorization.Role;

namespace Mokuhyo.Web.Tests.Authorization;

/// <summary>What a cell of the matrix expects.</summary>
public enum Outcome
{
    /// <summary>200 with the page (or JSON).</summary>
    Ok,

    /// <summary>302 to the row's expected place: the action was done.</summary>
    Done,

    /// <summary>A page refused: 403, or a redirect to /account/denied which answers 403.</summary>
    Denied,

    /// <summary>Anonymous on a page: 302 to /account/login.</summary>
    Login,

    /// <summary>404: the thing is not there for this account (another municipality's, or /setup once accounts exist).</summary>
    NotFound,

    /// <summary>
    /// The request passed authorization and was refused on its merits (422 or 409), nothing changed: carry-forward of goals the
    /// account may not edit, or another city's administrator asking to open a year that is not its city's next.
    /// </summary>
    Refused,

    /// <summary>Staff API: 401 problem+json.</summary>
    Unauthorized,

    /// <summary>Staff API: 403 problem+json.</summary>
    Forbidden,
}

/// <summary>How a row's request is made.</summary>
public enum Kind
{
    Get,

    /// <summary>A form post with the role's antiforgery token; the fields come from the row.</summary>
    Form,

    /// <summary>A JSON request to the staff API, once per transport.</summary>
    Api,
}

/// <summary>Whether a row needs a database of its own.</summary>
public enum FreshDatabase
{
    /// <summary>The shared app: the row reads, or arranges the state it needs itself.</summary>
    No,

    /// <summary>Cells that are allowed run on a fresh database (they delete or open something); refused ones change nothing and share.</summary>
    WhenAllowed,

    /// <summary>Every cell runs on a fresh database, whose state the row arranges.</summary>
    Always,
}

/// <summary>What a row runs in: the matrix app, the role, and what the row arranged before the request.</summary>
public sealed record RowContext(MatrixApp App, Role Role, long Version);

/// <summary>
/// One action of the matrix: a page GET, a form POST handler or a staff API call, with how to put the
/// data in the state it needs, and per role what must happen.
/// </summary>
public sealed record MatrixRow(string Name, Kind Kind, string Method, Func<RowContext, Task<string>> Path, IReadOnlyDictionary<Role, Outcome> Expect)
{
    /// <summary>Where an allowed change redirects to (a path prefix).</summary>
    public string? DoneAt { get; init; }

    /// <summary>Puts the data in the state the action needs; returns a version for the request.</summary>
    public Func<MatrixApp, Role, Task<long>>? Arrange { get; init; }

    /// <summary>Form fields (without the antiforgery token), or the JSON body of an API call.</summary>
    public Func<RowContext, Task<IEnumerable<KeyValuePair<string, string>>>>? Fields { get; init; }

    public Func<RowContext, object>? Json { get; init; }

    /// <summary>When the row runs on a database of its own: an allowed action would leave nothing for the next role to try.</summary>
    public FreshDatabase Fresh { get; init; }

    /// <summary>Checks afterwards that a refused action changed nothing (or an allowed one did what it says).</summary>
    public Func<MatrixApp, Outcome, Task>? Verify { get; init; }

    /// <summary>Whether the public may read the row (public pages and API): then nothing is refused.</summary>
    public bool Public { get; init; }
}

/// <summary>The authorization matrix: every staff page, form handler and staff API action against every role.</summary>
public static class Matrix
{
    public const string Report = "/staff/2022/shimin-seikatsu/interim";
    public const string Api = "/api/v1/staff/years/2022/departments/shimin-seikatsu";

    public static readonly Role[] Roles = Enum.GetValues<Role>();

    private static readonly Role[] Iruma = [Viewer, DepartmentEditor, DivisionEditor, Approver, Planning, Administrator];

    /// <summary>Editors of 市民生活部 as a whole (and the administrator): the plan, new goals, deleting goals, goals of other divisions.</summary>
    private static readonly Role[] DepartmentEditors = [DepartmentEditor, Administrator];

    /// <summary>Editors who may change goal 1 of 地域振興課: the department's editors and the division's.</summary>
    private static readonly Role[] Goal1Editors = [DepartmentEditor, DivisionEditor, Administrator];

    /// <summary>Every role with a part in the report (ReportRole not None): they may comment.</summary>
    private static readonly Role[] Participants = [DepartmentEditor, DivisionEditor, Approver, Planning, Administrator];

    private static readonly Role[] PlanningStaff = [Planning, Administrator];

    private static readonly Role[] SignedIn = [.. Iruma, OtherAdministrator];

    /// <summary>
    /// Expectations of a page of 入間市's drafts: the allowed roles get <paramref name="allowed"/>, the
    /// rest of 入間市's staff are refused, the other city's administrator finds nothing, anonymous signs in.
    /// </summary>
    private static Dictionary<Role, Outcome> Page(Role[] allowedRoles, Outcome allowed, Outcome otherCity = Outcome.NotFound,
        Outcome refused = Outcome.Denied) =>
        Roles.ToDictionary(r => r, r => r switch
        {
            Anonymous => Outcome.Login,
            OtherAdministrator when !allowedRoles.Contains(OtherAdministrator) => otherCity,
            _ when allowedRoles.Contains(r) => allowed,
            _ => refused,
        });

    /// <summary>Expectations of a staff API call: problem details instead of redirects.</summary>
    private static Dictionary<Role, Outcome> ApiCall(Role[] allowedRoles) =>
        Roles.ToDictionary(r => r, r => r switch
        {
            Anonymous => Outcome.Unauthorized,
            OtherAdministrator => Outcome.NotFound,
            _ when allowedRoles.Contains(r) => Outcome.Ok,
            _ => Outcome.Forbidden,
        });

    private static Dictionary<Role, Outcome> Everyone(Outcome outcome) => Roles.ToDictionary(r => r, _ => outcome);

    private static Func<RowContext, Task<string>> At(string path) => _ => Task.FromResult(path);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value));

    private static Func<RowContext, Task<IEnumerable<KeyValuePair<string, string>>>> Constant(params (string Key, string Value)[] fields) =>
        _ => Task.FromResult(Pairs(fields));

    /// <summary>The fields of a form as 入間市's administrator sees it now (fresh versions), changed by the row.</summary>
    private static Func<RowContext, Task<IEnumerable<KeyValuePair<string, string>>>> FormOf(string page, string selector,
        Action<Authoring.FormData, RowContext>? change = null) => async context =>
    {
        var admin = await context.App.ClientAsync(Administrator);
        var document = await Html.GetAsync(admin, page);
        var form = Authoring.FormData.Of(document, selector).Remove("__RequestVerificationToken");
        change?.Invoke(form, context);
        return form.Fields;
    };

    private static string Number(Role role) => (50 + (int)role).ToString(CultureInfo.InvariantCulture);

    private static string Slug(Role role) => role.ToString().ToLowerInvariant();

    public static IReadOnlyList<MatrixRow> Rows { get; } = Build();

    private static List<MatrixRow> Build()
    {
        var rows = new List<MatrixRow>
        {
            new("GET /staff", Kind.Get, "GET", At("/staff"), Page(SignedIn, Outcome.Ok)),
            new("GET report", Kind.Get, "GET", At(Report), Page(Iruma, Outcome.Ok)),
        };

        // The workflow: each action from the one status it is legal in, so the row checks who, not when.
        (ReportAction Action, ReportStatus From, Role[] Allowed, string? Comment)[] transitions =
        [
            (ReportAction.Submit, ReportStatus.Draft, [DepartmentEditor, DivisionEditor, Administrator], null),
            (ReportAction.Return, ReportStatus.Submitted, [Approver, Administrator], "直してください"),
            (ReportAction.Approve, ReportStatus.Submitted, [Approver, Administrator], null),
            (ReportAction.Publish, ReportStatus.Approved, [Approver, Planning, Administrator], null),
            (ReportAction.Reopen, ReportStatus.Published, [Planning, Administrator], "改訂します"),
        ];
        foreach (var (action, from, allowed, comment) in transitions)
        {
            rows.Add(new($"POST transition {action.ToString().ToLowerInvariant()}", Kind.Form, "POST", At($"{Report}?handler=Transition"),
                Page(allowed, Outcome.Done))
            {
                DoneAt = $"{Report}?done={action}",
                Arrange = (app, _) => app.ArrangeReportAsync(from),
                Fields = c => Task.FromResult(Pairs(("action", action.ToString()), ("comment", comment ?? ""),
                    ("version", c.Version.ToString(CultureInfo.InvariantCulture)))),
            });
        }

        rows.AddRange(
        [
            new("POST comment", Kind.Form, "POST", At($"{Report}?handler=Comment"), Page(Participants, Outcome.Done))
            {
                DoneAt = Report,
                Fields = Constant(("goalNumber", "1"), ("text", "確認しました")),
            },
            new("GET preview", Kind.Get, "GET", At($"{Report}/preview"), Page(Iruma, Outcome.Ok)),
            new("GET plan edit", Kind.Get, "GET", At($"{Report}/plan"), Page(DepartmentEditors, Outcome.Ok)),
            new("POST plan edit", Kind.Form, "POST", At($"{Report}/plan"), Page(DepartmentEditors, Outcome.Done))
            {
                DoneAt = $"{Report}/plan?saved=",
                Arrange = (app, _) => app.ArrangeReportAsync(ReportStatus.Draft),
                Fields = FormOf($"{Report}/plan", "form.authoring", (f, _) => f.Set("command", "save")),
            },
            new("GET goal new", Kind.Get, "GET", At($"{Report}/goals/new"), Page(DepartmentEditors, Outcome.Ok)),
            new("POST goal new", Kind.Form, "POST", At($"{Report}/goals/new"), Page(DepartmentEditors, Outcome.Done))
            {
                DoneAt = $"{Report}/goals/",
                Arrange = (app, _) => app.ArrangeReportAsync(ReportStatus.Draft),
                Fields = FormOf($"{Report}/goals/new", "form.authoring", (f, c) => f.Set("command", "save")
                    .Set("Input.Number", Number(c.Role)).Set("Input.Title", $"新しい目標({c.Role})")),
            },
        ]);

        foreach (var (goal, editors) in new[] { (1, Goal1Editors), (4, DepartmentEditors) })
        {
            var path = $"{Report}/goals/{goal}";
            rows.AddRange(
            [
                new($"GET goal {goal} edit", Kind.Get, "GET", At(path), Page(editors, Outcome.Ok)),
                new($"POST goal {goal} edit", Kind.Form, "POST", At(path), Page(editors, Outcome.Done))
                {
                    DoneAt = path,
                    Arrange = (app, _) => app.ArrangeReportAsync(ReportStatus.Draft),
                    Fields = FormOf(path, "form.authoring", (f, c) => f.Set("command", "save").Set("Input.Title", $"目標{goal}({c.Role}が変更)")),
                },
                new($"GET goal {goal} history", Kind.Get, "GET", At($"{path}/history"), Page(Iruma, Outcome.Ok)),
                new($"GET goal {goal} delete", Kind.Get, "GET", At($"{path}/delete"), Page(DepartmentEditors, Outcome.Ok)),
                new($"POST goal {goal} delete", Kind.Form, "POST", At($"{path}/delete"), Page(DepartmentEditors, Outcome.Done))
                {
                    DoneAt = Report,
                    Fresh = FreshDatabase.WhenAllowed,
                    Verify = async (app, outcome) => Assert.Equal(outcome == Outcome.Done ? 0 : 1, await app.GoalCountAsync(2022, goal)),
                    Arrange = (app, _) => app.ArrangeReportAsync(ReportStatus.Draft),
                    Fields = FormOf($"{path}/delete", "main form.form"),
                },
            ]);
        }

        // Accounts: 入間市's administrator manages 入間市's; 所沢市's manages its own and finds none of 入間市's.
        Role[] administrators = [Administrator, OtherAdministrator];
        Func<RowContext, Task<string>> chiiki = async c => $"/staff/admin/users/{await c.App.UserIdAsync(DivisionEditor)}";
        rows.AddRange(
        [
            new("GET admin users", Kind.Get, "GET", At("/staff/admin/users"), Page(administrators, Outcome.Ok)),
            new("GET admin user new", Kind.Get, "GET", At("/staff/admin/users/new"), Page(administrators, Outcome.Ok)),
            new("POST admin user new", Kind.Form, "POST", At("/staff/admin/users/new"), Page(administrators, Outcome.Done))
            {
                DoneAt = "/staff/admin/users/",
                Fields = FormOf("/staff/admin/users/new", "main form.form", (f, c) => f
                    .Set("Input.Email", $"matrix-{Slug(c.Role)}@example.jp").Set("Input.DisplayName", $"作成テスト {c.Role}")
                    .Set("Input.Password", "Matrix-password-2026").Set("Input.Roles", "viewer")),
            },
            new("GET admin user edit", Kind.Get, "GET", chiiki, Page([Administrator], Outcome.Ok)),
            new("POST admin user edit", Kind.Form, "POST", async c => await chiiki(c) + "?handler=Save", Page([Administrator], Outcome.Done))
            {
                DoneAt = "/staff/admin/users/",
                Fields = async c => await FormOf(await chiiki(c), "main form[action*='handler=Save']")(c),
            },
        ]);

        // Fiscal years and the organization: planning and administrators; every reader of drafts sees the list.
        rows.AddRange(
        [
            new("GET years", Kind.Get, "GET", At("/staff/years"), Page(SignedIn, Outcome.Ok)),
            // 所沢市's administrator may open years, but only its own city's next one: 2023 is not it, and 入間市 gains nothing.
            new("POST years open", Kind.Form, "POST", At("/staff/years?handler=Open"), Page(PlanningStaff, Outcome.Done, otherCity: Outcome.Refused))
            {
                DoneAt = "/staff/years/",
                Fresh = FreshDatabase.WhenAllowed,
                Verify = async (app, outcome) => Assert.Equal(outcome == Outcome.Done, await app.IrumaHasYearAsync(2023)),
                Fields = Constant(("year", "2023")),
            },
            new("GET units", Kind.Get, "GET", At("/staff/years/2022/units"), Page(PlanningStaff, Outcome.Ok)),
            new("POST units add", Kind.Form, "POST", At("/staff/years/2022/units?handler=Add"), Page(PlanningStaff, Outcome.Done))
            {
                DoneAt = "/staff/years/2022/units",
                Fields = FormOf("/staff/years/2022/units", "main form[action*='handler=Add']", (f, c) => f
                    .Set("Add.Code", $"matrix-{Slug(c.Role)}").Set("Add.Name", $"検証係{(int)c.Role}")),
            },
            new("GET unit", Kind.Get, "GET", At("/staff/years/2022/units/chiiki-shinko"), Page(PlanningStaff, Outcome.Ok)),
            new("POST unit edit", Kind.Form, "POST", At("/staff/years/2022/units/chiiki-shinko?handler=Edit"), Page(PlanningStaff, Outcome.Done))
            {
                DoneAt = "/staff/years/2022/units/chiiki-shinko",
                Fields = FormOf("/staff/years/2022/units/chiiki-shinko", "main form[action*='handler=Edit']"),
            },
            new("GET carry-forward", Kind.Get, "GET", At("/staff/years/2022/carry-forward"), Page(Iruma, Outcome.Ok)),
            new("POST carry-forward goal 1", Kind.Form, "POST", At("/staff/years/2023/carry-forward"),
                Page(Goal1Editors, Outcome.Done, refused: Outcome.Refused))
            {
                DoneAt = "/staff/years/2023/carry-forward?done=1",
                Fresh = FreshDatabase.Always,
                Verify = async (app, outcome) => Assert.Equal(outcome == Outcome.Done ? 1 : 0, await app.GoalCountAsync(2023)),
                Arrange = async (app, _) =>
                {
                    await app.OpenNextYearAsync();
                    return 0;
                },
                Fields = async c => Pairs(("Goals", (await c.App.GoalIdAsync(2022, 1)).ToString("D", CultureInfo.InvariantCulture))),
            },
        ]);

        // Personal access tokens: everyone signed in manages their own, and only their own.
        rows.AddRange(
        [
            new("GET tokens", Kind.Get, "GET", At("/staff/account/tokens"), Page(SignedIn, Outcome.Ok)),
            new("POST token create", Kind.Form, "POST", At("/staff/account/tokens?handler=Create"), Page(SignedIn, Outcome.Ok))
            {
                Fields = Constant(("Input.Name", "マトリクス"), ("Input.Scope", "Read"), ("Input.ExpiresOn", "")),
            },
            new("POST token revoke own", Kind.Form, "POST", async c => c.Role == Anonymous
                    ? "/staff/account/tokens?handler=Revoke&id=" + await c.App.TokenIdAsync(await c.App.TokenAsync(Viewer, Data.Accounts.TokenScope.Read))
                    : "/staff/account/tokens?handler=Revoke&id=" + await c.App.TokenIdAsync(await c.App.TokenAsync(c.Role, Data.Accounts.TokenScope.Read)),
                Page(SignedIn, Outcome.Done))
            {
                DoneAt = "/staff/account/tokens?revoked=true",
                Fields = Constant(),
            },
            new("POST token revoke another account's", Kind.Form, "POST", async c =>
                    "/staff/account/tokens?handler=Revoke&id=" + await c.App.TokenIdAsync(
                        await c.App.TokenAsync(c.Role == Viewer ? Administrator : Viewer, Data.Accounts.TokenScope.Read)),
                Page([], Outcome.Ok, refused: Outcome.NotFound))
            {
                Fields = Constant(),
            },
        ]);

        // First-run set-up exists only while there is no account at all.
        rows.AddRange(
        [
            new("GET setup", Kind.Get, "GET", At("/setup"), Everyone(Outcome.NotFound)),
            new("POST setup", Kind.Form, "POST", At("/setup"), Everyone(Outcome.NotFound))
            {
                Fields = Constant(("Input.Code", "112089"), ("Input.Name", "乗っ取り市"), ("Input.Slug", "nottori"),
                    ("Input.Email", "evil@example.jp"), ("Input.DisplayName", "乗っ取り"), ("Input.Password", "Matrix-password-2026")),
            },
        ]);

        // The staff API: the same permissions as the pages, in problem details.
        rows.AddRange(
        [
            new("API GET draft", Kind.Api, "GET", At($"{Api}/phases/interim/draft"), ApiCall(Iruma)),
            new("API GET state", Kind.Api, "GET", At($"{Api}/phases/interim/state"), ApiCall(Iruma)),
        ]);
        foreach (var (action, from, allowed, comment) in transitions)
        {
            rows.Add(new($"API POST transition {action.ToString().ToLowerInvariant()}", Kind.Api, "POST", At($"{Api}/phases/interim/transitions"),
                ApiCall(allowed))
            {
                Arrange = (app, _) => app.ArrangeReportAsync(from),
                Json = c => new { action = action.ToString().ToLowerInvariant(), comment, version = c.Version },
            });
        }

        foreach (var (goal, editors) in new[] { (1, Goal1Editors), (4, DepartmentEditors) })
        {
            rows.Add(new($"API PUT goal {goal} actual", Kind.Api, "PUT", At($"{Api}/goals/{goal}/indicators/1/actuals/interim"), ApiCall(editors))
            {
                Arrange = async (app, _) =>
                {
                    await app.ArrangeReportAsync(ReportStatus.Draft);
                    return await app.ActualVersionAsync(goal, 1);
                },
                Json = c => new { value = 100 + (int)c.Role, asOf = "2022-09-30", version = c.Version },
            });
        }

        // Public pages and API: readable by everyone, signed in or not.
        foreach (var path in new[]
                 {
                     "/", "/iruma", "/iruma/2022", "/iruma/2022/shimin-seikatsu", "/iruma/opendata", "/api/v1/municipalities/iruma/years/2022/goals",
                     "/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/report",
                 })
        {
            rows.Add(new($"GET public {path}", Kind.Get, "GET", At(path), Everyone(Outcome.Ok)) { Public = true });
        }

        return rows;
    }

    /// <summary>The transports a row is tried with: API rows with the cookie and both tokens, others once.</summary>
    public static IEnumerable<Transport?> TransportsOf(MatrixRow row, Role role) =>
        row.Kind != Kind.Api ? [null] : role == Anonymous ? [null] : [Transport.Cookie, Transport.ReadToken, Transport.WriteToken];

    /// <summary>What a cell expects: a read-only token may read and gets 403 on every write.</summary>
    public static Outcome Expected(MatrixRow row, Role role, Transport? transport) =>
        transport == Transport.ReadToken && row.Method != "GET" ? Outcome.Forbidden : row.Expect[role];

    public static string CellName(MatrixRow row, Role role, Transport? transport)
    {
        var who = role switch
        {
            Anonymous => "anonymous",
            Viewer => "viewer",
            DepartmentEditor => "department editor",
            DivisionEditor => "division editor (地域振興課)",
            Approver => "approver",
            Planning => "planning",
            Administrator => "administrator",
            OtherAdministrator => "administrator of 所沢市",
            _ => role.ToString(),
        };
        var how = transport switch
        {
            Transport.Cookie => " with cookie",
            Transport.ReadToken => " with read token",
            Transport.WriteToken => " with write token",
            _ => "",
        };
        var outcome = Expected(row, role, transport) switch
        {
            Outcome.Ok or Outcome.Done => "allowed",
            Outcome.Denied => "denied",
            Outcome.Login => "sign-in",
            Outcome.NotFound => "404",
            Outcome.Refused => "refused (422/409)",
            Outcome.Unauthorized => "401",
            Outcome.Forbidden => "403",
            _ => "?",
        };
        return $"{who}{how} {row.Name} → {outcome}";
    }

    /// <summary>The matrix as the Markdown table of docs/authorization.md: one line per action, one column per role.</summary>
    public static string Markdown()
    {
        var lines = new List<string>
        {
            "| action | anonymous | viewer | department editor | division editor | approver | planning | administrator | 所沢市 administrator |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var row in Rows)
        {
            var name = row.Kind == Kind.Api ? row.Name + " (cookie or write token)" : row.Name;
            lines.Add($"| {name} | " + string.Join(" | ", Roles.Select(r => Symbol(row.Expect[r]))) + " |");
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Symbol(Outcome outcome) => outcome switch
    {
        Outcome.Ok => "✓",
        Outcome.Done => "✓ →",
        Outcome.Denied => "✗",
        Outcome.Login => "sign-in",
        Outcome.NotFound => "404",
        Outcome.Refused => "422",
        Outcome.Unauthorized => "401",
        Outcome.Forbidden => "403",
        _ => "?",
    };
}
