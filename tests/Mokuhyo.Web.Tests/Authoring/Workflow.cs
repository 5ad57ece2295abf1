using System.Net;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>Moves a report through review with the buttons of its staff page.</summary>
internal static class Workflow
{
    public static async Task TransitionAsync(StaffClient client, string reportPath, ReportAction action, string? comment = null)
    {
        var page = await client.GetPageAsync(reportPath);
        var formElement = page.QuerySelectorAll("main form").Single(f => f.QuerySelector($"button[name=action][value={action}]") is not null);
        var form = FormData.Of(page, "main form[action*='handler=Transition']");
        form.Set("action", action.ToString());
        if (comment is not null)
        {
            form.Set("comment", comment);
        }

        using var response = await client.PostAsync(formElement.GetAttribute("action")!, form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action} on {reportPath}: {response.StatusCode}");
    }
}
