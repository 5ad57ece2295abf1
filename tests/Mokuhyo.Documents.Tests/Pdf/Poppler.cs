using System.Diagnostics;
using System.Text;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>Reads a PDF back with poppler's command-line tools, as a reader's software would.</summary>
public static class Poppler
{
    /// <summary>The text of the document, or of pages first..last (1-based), via pdftotext.</summary>
    public static string Text(byte[] pdf, int? first = null, int? last = null, bool layout = false)
    {
        var args = new List<string>();
        if (layout)
        {
            args.Add("-layout");
        }

        if (first is { } f)
        {
            args.AddRange(["-f", f.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (last is { } l)
        {
            args.AddRange(["-l", l.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return Run("pdftotext", pdf, [.. args], "-");
    }

    /// <summary>The text of each page, in order; with layout, lines as they stand on the page, top to bottom.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf, bool layout = false)
    {
        // pdftotext ends every page with a form feed.
        var pages = Text(pdf, layout: layout).Split('\f');
        return pages[..^1];
    }

    /// <summary>The bottom line of each page, where the footer is.</summary>
    public static IReadOnlyList<string> BottomLines(byte[] pdf) =>
        [.. Pages(pdf, layout: true).Select(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1])];

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, []);

    /// <summary>pdfimages' list: one row per image drawn, as (page, width, height, type).</summary>
    public static IReadOnlyList<(int Page, int Width, int Height, string Type)> Images(byte[] pdf)
    {
        var lines = Run("pdfimages", pdf, ["-list"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Skip(2).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(parts => (
            int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture),
            parts[2]))];
    }

    /// <summary>pdffonts' table: one row per font, with its emb, sub and uni columns.</summary>
    public static IReadOnlyList<FontRow> Fonts(byte[] pdf)
    {
        var lines = Run("pdffonts", pdf, []).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Skip(2).Select(FontRow.Parse)];
    }

    public static int PageCount(byte[] pdf)
    {
        var line = Info(pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Run(string tool, byte[] pdf, string[] args, string? trailing = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mokuhyo-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(path);
            if (trailing is not null)
            {
                start.ArgumentList.Add(trailing);
            }

            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{tool} did not start; install poppler-utils.");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
            }

            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A row of pdffonts' output.</summary>
public sealed record FontRow(string Name, bool Embedded, bool Subset, bool Unicode)
{
    public static FontRow Parse(string line)
    {
        // name, type (may hold spaces), encoding, emb, sub, uni, object, ID: read the yes/no columns from the right.
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new FontRow(parts[0], parts[^5] == "yes", parts[^4] == "yes", parts[^3] == "yes");
    }
}
