using System.Globalization;

namespace Mokuhyo.Web.Pages.Staff.Authoring;

/// <summary>
/// Which submit button posted an authoring form: save, or a row command that only reshapes the form
/// (add:indicator, up:block:2, down:plan-0:1) and shows it again, so lists can be edited without script.
/// </summary>
internal sealed record FormCommand(string Verb, string Target, int Index)
{
    public bool IsSave => string.Equals(Verb, "save", StringComparison.Ordinal);

    /// <summary>The command, or null for anything unknown; no command at all is a save (Enter in a field).</summary>
    public static FormCommand? Parse(string? command)
    {
        if (string.IsNullOrEmpty(command) || string.Equals(command, "save", StringComparison.Ordinal))
        {
            return new FormCommand("save", "", 0);
        }

        var parts = command.Split(':');
        return parts switch
        {
            ["add", var target] => new FormCommand("add", target, 0),
            [("up" or "down") and var verb, var target, var index]
                when int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => new FormCommand(verb, target, i),
            _ => null,
        };
    }

    public static string Add(string target) => "add:" + target;

    public static string Up(string target, int index) => string.Create(CultureInfo.InvariantCulture, $"up:{target}:{index}");

    public static string Down(string target, int index) => string.Create(CultureInfo.InvariantCulture, $"down:{target}:{index}");

    /// <summary>Adds an empty row or moves one, when the command is about these rows.</summary>
    public void ApplyTo<T>(List<T> rows, string target, int maxRows)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!string.Equals(Target, target, StringComparison.Ordinal))
        {
            return;
        }

        switch (Verb)
        {
            case "add" when rows.Count < maxRows:
                rows.Add(new T());
                break;
            case "up" when Index > 0 && Index < rows.Count:
                (rows[Index - 1], rows[Index]) = (rows[Index], rows[Index - 1]);
                break;
            case "down" when Index >= 0 && Index < rows.Count - 1:
                (rows[Index + 1], rows[Index]) = (rows[Index], rows[Index + 1]);
                break;
            default:
                break;
        }
    }
}
