using System.Globalization;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;

namespace Mokuhyo.Web.Cycle;

/// <summary>Words a notification in the current UI language, from its kind and arguments.</summary>
public sealed class NotificationText(IStringLocalizer<CycleText> text)
{
    public string Title(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var a = notification.Arguments;
        var due = a.TryGetValue(NotificationArgs.DueDate, out var iso)
            && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Wareki.FormatDateWithWeekday(date)
            : "";
        var left = a.TryGetValue(NotificationArgs.DaysLeft, out var days) ? days : "";
        return text["Notify.Title." + notification.Kind, Arg(a, NotificationArgs.YearLabel), Arg(a, NotificationArgs.Department),
            Arg(a, NotificationArgs.Phase), Arg(a, NotificationArgs.Actor), Arg(a, NotificationArgs.Comment), due, left].Value;
    }

    public string? Comment(Notification notification) =>
        notification?.Arguments.TryGetValue(NotificationArgs.Comment, out var comment) == true ? comment : null;

    public string? Actor(Notification notification) =>
        notification?.Arguments.TryGetValue(NotificationArgs.Actor, out var actor) == true ? text["Notify.By", actor].Value : null;

    public string Subject(Notification notification) => text["Notify.Subject", Title(notification)].Value;

    /// <summary>The plain-text body of the e-mail: what happened, the comment if any, and the link.</summary>
    public string Body(Notification notification, string recipientName, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var lines = new List<string> { recipientName + (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? " 様" : ""), "", Title(notification) };
        if (Actor(notification) is { } actor)
        {
            lines.Add(actor);
        }

        if (Comment(notification) is { } comment)
        {
            lines.AddRange(["", text["Notify.Comment"].Value, comment]);
        }

        if (notification.Link is { } link && !string.IsNullOrWhiteSpace(baseUrl))
        {
            lines.AddRange(["", text["Notify.Link"].Value, baseUrl.TrimEnd('/') + link]);
        }

        lines.AddRange(["", "--", text["Notify.Footer"].Value]);
        return string.Join("\r\n", lines);
    }

    private static string Arg(Dictionary<string, string> args, string key) => args.TryGetValue(key, out var value) ? value : "";
}
