using System.Net;
using Mokuhyo.Data;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Operations;

/// <summary>Two web nodes on one PostgreSQL database behave as one site.</summary>
public class TwoNodeTests
{
    private const string Report = "/staff/2022/shimin-seikatsu/year-end";
    private const string PublicPage = "/iruma/2022/shimin-seikatsu";

    [Fact]
    public async Task Signed_in_on_one_node_edited_and_published_on_the_other_and_read_on_the_first()
    {
        TestPostgres.SkipIfUnavailable();
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        WebNode? a = null;
        WebNode? b = null;
        try
        {
            a = await WebNode.StartAsync(DatabaseProvider.Postgres, connectionString, migrate: true);
            b = await WebNode.StartAsync(DatabaseProvider.Postgres, connectionString, migrate: false, seed: false);

            // One browser: the same cookies go to both nodes (cookies do not depend on the port).
            var editorCookies = new CookieContainer();
            var approverCookies = new CookieContainer();
            var planningCookies = new CookieContainer();
            using var editorOnA = Client(a, editorCookies);
            using var editorOnB = Client(b, editorCookies);
            using var approverOnB = Client(b, approverCookies);
            using var planningOnA = Client(a, planningCookies);
            using var planningOnB = Client(b, planningCookies);
            using var publicOnA = Client(a, new CookieContainer());

            await SignInAsync(editorOnA, AuthoringApp.Editor);
            await SignInAsync(approverOnB, AuthoringApp.Approver);
            await SignInAsync(planningOnA, AuthoringApp.Planning);

            // The cookies made by A are read by B, and B's antiforgery tokens are accepted by B.
            // Reopening a published report is planning staff's.
            await Workflow.TransitionAsync(planningOnB, Report, ReportAction.Reopen, "二つのノードで確認するため");
            var page = await editorOnB.GetPageAsync($"{Report}/goals/1");
            const string title = "髙﨑𠮷とともに進めるコミュニティ活動";
            var saved = await editorOnB.SubmitAsync(page, f => f.Set("Input.Title", title));
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            await Workflow.TransitionAsync(editorOnB, Report, ReportAction.Submit);
            await Workflow.TransitionAsync(approverOnB, Report, ReportAction.Approve);
            await Workflow.TransitionAsync(approverOnB, Report, ReportAction.Publish);

            // A has kept nothing in memory that hides B's publication.
            var published = await publicOnA.GetPageAsync(PublicPage);
            Assert.Contains(title, published.Body!.TextContent, StringComparison.Ordinal);

            // And the editor's session made on A still works on A after B's requests.
            using var again = await editorOnA.GetAsync(Report);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        finally
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (b is not null)
            {
                await b.DisposeAsync();
            }

            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static StaffClient Client(WebNode node, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = node.Address,
        });

    private static async Task SignInAsync(StaffClient client, string email)
    {
        var page = await client.GetPageAsync("/account/login");
        var form = FormData.Of(page, "main form");
        form.Set("Input.Email", email).Set("Input.Password", AuthoringApp.Password);
        using var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
