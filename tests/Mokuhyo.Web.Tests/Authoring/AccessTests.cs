using System.Net;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>One app for the access tests: they try to change things and must not manage to.</summary>
public sealed class AccessFixture : IAsyncDisposable
{
    private readonly Dictionary<string, StaffClient> clients = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public AuthoringApp App { get; } = AuthoringApp.Start();

    /// <summary>One signed-in client per account, so the sign-in rate limit is never met.</summary>
    public async Task<StaffClient> AsAsync(string email)
    {
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!clients.TryGetValue(email, out var client))
            {
                client = await App.SignInAsync(email);
                clients[email] = client;
            }

            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        gate.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Every edit goes through the access policy: who may edit what, and nobody anonymous.</summary>
public sealed class AccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string Path = AuthoringApp.Interim;

    private static readonly string[] EditPages = [$"{Path}/plan", $"{Path}/goals/new", $"{Path}/goals/1", $"{Path}/goals/4", $"{Path}/goals/1/delete"];

    [Fact]
    public async Task A_division_editor_edits_its_own_goal()
    {
        var chiiki = await fixture.AsAsync(AuthoringApp.DivisionEditor);
        var page = await chiiki.GetPageAsync($"{Path}/goals/1");

        var result = await chiiki.SubmitAsync(page, f => f.Set("Input.Title", "地域振興課が直したタイトル"));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("地域振興課が直したタイトル", (await fixture.App.GoalAsync(1)).Title);
    }

    [Theory]
    [InlineData("goals/4")]
    [InlineData("plan")]
    [InlineData("goals/new")]
    [InlineData("goals/1/delete")]
    public async Task A_division_editor_may_not_touch_other_divisions_goals_nor_the_department(string page)
    {
        var chiiki = await fixture.AsAsync(AuthoringApp.DivisionEditor);
        var token = await TokenAsync(chiiki);

        await AssertForbiddenAsync(chiiki, await chiiki.GetAsync($"{Path}/{page}"));
        await AssertForbiddenAsync(chiiki, await chiiki.PostAsync($"{Path}/{page}",
            new FormData().Add("__RequestVerificationToken", token).Add("Input.Title", "乗っ取り").Add("command", "save")));
        Assert.NotEqual("乗っ取り", (await fixture.App.GoalAsync(4)).Title);
    }

    [Fact]
    public async Task A_division_editor_cannot_hand_its_goal_to_a_unit_outside_its_reach()
    {
        var chiiki = await fixture.AsAsync(AuthoringApp.DivisionEditor);
        var page = await chiiki.GetPageAsync($"{Path}/goals/2");
        var before = await fixture.App.GoalAsync(2);

        var result = await chiiki.SubmitAsync(page, f => f.Set("Input.LeadUnitId", GoalForms.UnitId(page, "市民課")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("編集できなくなります", GoalForms.ErrorBeside(result.Page, "Input_LeadUnitId"), StringComparison.Ordinal);
        Assert.Equal(before.LeadUnitId, (await fixture.App.GoalAsync(2)).LeadUnitId);
    }

    [Fact]
    public async Task A_viewer_gets_403_on_every_edit_page_and_every_save()
    {
        var viewer = await fixture.AsAsync(AuthoringApp.Viewer);
        var token = await TokenAsync(viewer);

        foreach (var page in EditPages)
        {
            await AssertForbiddenAsync(viewer, await viewer.GetAsync(page));
            await AssertForbiddenAsync(viewer, await viewer.PostAsync(page,
                new FormData().Add("__RequestVerificationToken", token).Add("Input.Title", "閲覧者の変更").Add("command", "save")));
        }

        Assert.Equal(9, await fixture.App.ReadAsync(db => Task.FromResult(db.Goals.Count())));
        Assert.DoesNotContain("閲覧者の変更", (await fixture.App.GoalAsync(1)).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_staff_do_not_write_a_department_plan()
    {
        var kikaku = await fixture.AsAsync(AuthoringApp.Planning);
        await AssertForbiddenAsync(kikaku, await kikaku.GetAsync($"{Path}/plan"));
    }

    [Fact]
    public async Task Readers_of_drafts_see_a_goal_history_without_editing()
    {
        var viewer = await fixture.AsAsync(AuthoringApp.Viewer);
        var page = await viewer.GetPageAsync($"{Path}/goals/1/history");
        Assert.Empty(page.QuerySelectorAll($"a[href='{Path}/goals/1']"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var anonymous = fixture.App.Anonymous();
        foreach (var page in EditPages.Append($"{Path}/goals/1/history"))
        {
            using var get = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), get.Headers.Location!).AbsolutePath);

            using var post = await anonymous.PostAsync(page, new FormData().Add("Input.Title", "匿名の変更"));
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {page}: {post.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }

        Assert.DoesNotContain("匿名の変更", (await fixture.App.GoalAsync(1)).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("goals/abc")]
    [InlineData("goals/99")]
    [InlineData("goals/-1")]
    [InlineData("goals/99/history")]
    public async Task Unknown_goals_are_404(string page)
    {
        var editor = await fixture.AsAsync(AuthoringApp.Editor);
        using var response = await editor.GetAsync($"{Path}/{page}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>An antiforgery token of the account, from the sign-out form every staff page carries.</summary>
    private static async Task<string> TokenAsync(StaffClient client)
    {
        var page = await client.GetPageAsync("/staff");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>Refusal as a browser meets it: the account is sent to the denied page, which answers 403.</summary>
    private static async Task AssertForbiddenAsync(StaffClient client, HttpResponseMessage response)
    {
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
            Assert.Equal("/account/denied", location.AbsolutePath);
            using var denied = await client.GetAsync(location.PathAndQuery);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }
}
