using Microsoft.Playwright;

namespace Mokuhyo.Browser.Tests;

/// <summary>Files the browser tests leave for people to look at: TestResults/screenshots at the repository root.</summary>
public static class Artifacts
{
    public static string ScreenshotsDirectory()
    {
        var root = RepositoryRoot() ?? AppContext.BaseDirectory;
        var directory = Path.Combine(root, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Saves what each person's page showed when a step failed; never hides the failure itself.</summary>
    public static async Task SaveFailureScreenshotsAsync(params (string Who, IPage Page)[] pages)
    {
        var directory = ScreenshotsDirectory();
        foreach (var (who, page) in pages)
        {
            try
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"failure-{who}.png"), FullPage = true, Timeout = 5_000 });
            }
            catch (PlaywrightException)
            {
                // The page may already be gone; the original failure matters more.
            }
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mokuhyo.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
