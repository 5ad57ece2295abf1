using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests.Pages;

/// <summary>職員ログイン (/account/login).</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/account/login";

    /// <summary>Signs in and waits for the staff home page the login redirects to.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync(Path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "職員ログイン", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        // The staff home is reached once its document is parsed; its images and styles do not matter here.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
