using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// The checkers every public page must pass: axe-core (WCAG 2.0/2.1 A and AA) injected into Chromium,
/// and the Nu HTML checker (vnu.jar) on the HTML the server sends. Both come from the npm packages in
/// web-audit/ (scripts/test.sh runs npm ci there).
/// </summary>
public static class WebAudit
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static string PackagesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Mokuhyo.Browser.Tests", "web-audit", "node_modules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Mokuhyo.Browser.Tests/web-audit/node_modules is missing: run `npm ci` there (scripts/test.sh does so).");
    }

    /// <summary>Every page of /sitemap.xml, as paths of the running app.</summary>
    public static async Task<IReadOnlyList<string>> SitemapPathsAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var xml = XDocument.Parse(await http.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return [.. xml.Descendants(ns + "loc").Select(l => new Uri(l.Value).PathAndQuery)];
    }

    /// <summary>Runs axe on the open page and returns one readable line per violating node: rule, target, message.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page, string axeSource)
    {
        await page.AddScriptTagAsync(new() { Content = axeSource });
        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
              return JSON.stringify(result.violations.flatMap(v => v.nodes.map(n =>
                ({ rule: v.id, impact: v.impact, target: n.target.join(' '), message: n.failureSummary || v.help }))));
            }
            """, WcagTags);
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(v => string.Create(CultureInfo.InvariantCulture,
            $"{v.GetProperty("rule").GetString()} ({v.GetProperty("impact").GetString()}) at {v.GetProperty("target").GetString()}: {v.GetProperty("message").GetString()?.ReplaceLineEndings(" ")}"))];
    }

    /// <summary>
    /// Checks HTML documents in one run of vnu.jar (the JVM starts once) and returns its errors per file.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> HtmlErrorsAsync(IReadOnlyList<string> files)
    {
        var jar = Path.Combine(PackagesDirectory(), "vnu-jar", "build", "dist", "vnu.jar");
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-jar", jar, "--errors-only", "--format", "json", .. files])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // vnu writes its JSON report to standard error.
        var report = (await stderr).Trim();
        if (report.Length == 0)
        {
            report = (await stdout).Trim();
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(report);
        foreach (var message in doc.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // vnu names files "file:/tmp/x.html" (one slash), which System.Uri does not read.
            var file = url.StartsWith("file:", StringComparison.Ordinal) ? "/" + Uri.UnescapeDataString(url["file:".Length..]).TrimStart('/') : url;
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"line {line}: ").Append(message.GetProperty("message").GetString());
            if (message.TryGetProperty("extract", out var extract))
            {
                text.Append(" [").Append(extract.GetString()?.ReplaceLineEndings(" ")).Append(']');
            }

            if (!errors.TryGetValue(file, out var list))
            {
                errors[file] = list = [];
            }

            list.Add(text.ToString());
        }

        return errors;
    }
}
