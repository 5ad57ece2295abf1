using Microsoft.Playwright;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// WCAG 1.4.4 (resize text to 200 %) and 1.4.10 (reflow) as a reader meets them: a 1280 × 800 window zoomed to
/// 200 % is a 640 × 400 CSS viewport at two device pixels per CSS pixel. The page must not scroll sideways,
/// no text may be cut off by an overflow that hides it, the header's navigation and search must be on screen,
/// and every control of the content, focused, must be in view and not covered by anything else.
/// </summary>
internal static class ZoomAudit
{
    public const int Width = 640;
    public const int Height = 400;

    public static BrowserNewContextOptions ContextOptions(Uri baseAddress) => new()
    {
        BaseURL = baseAddress.ToString(),
        Locale = "ja-JP",
        ViewportSize = new() { Width = Width, Height = Height },
        DeviceScaleFactor = 2,
    };

    /// <summary>What is wrong with the page at 200 %; empty when nothing is.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(Script, Width);

    private const string Script = """
        (width) => {
          const problems = [];
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
          const visible = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 1 && r.height > 1; };

          const scrollWidth = document.documentElement.scrollWidth;
          if (scrollWidth > width) problems.push(`scrolls sideways: scrollWidth ${scrollWidth}`);

          // Text cut off: an element that hides its overflow (the visually hidden text of screen readers aside) but has more than it shows.
          for (const e of document.body.querySelectorAll('*')) {
            const s = getComputedStyle(e);
            const hides = v => v === 'hidden' || v === 'clip';
            if (!(hides(s.overflowX) || hides(s.overflowY) || s.textOverflow === 'ellipsis')) continue;
            if (!visible(e) || e.closest('svg') || !e.textContent.trim()) continue;
            if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) problems.push(`clips its text: ${describe(e)}`);
          }

          // The header's links, language switch and search are on screen, not pushed out of it.
          for (const e of document.querySelectorAll('.site-header a, .site-header input, .site-header button')) {
            if (!visible(e)) { problems.push(`header control hidden: ${describe(e)}`); continue; }
            const r = e.getBoundingClientRect();
            if (r.left < 0 || r.right > width + 0.5) problems.push(`header control off screen: ${describe(e)} ${Math.round(r.left)}–${Math.round(r.right)}`);
          }

          // Each focusable control of the page, focused, is in view and is what is on top at its centre.
          const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
            .filter(e => !e.disabled && visible(e) && !e.classList.contains('skip-link'));
          const step = Math.max(1, Math.ceil(focusable.length / 40));
          for (let i = 0; i < focusable.length; i += step) {
            const e = focusable[i];
            e.focus();
            if (document.activeElement !== e) { problems.push(`cannot take the focus: ${describe(e)}`); continue; }
            const r = [...e.getClientRects()].find(x => x.width > 0 && x.height > 0) ?? e.getBoundingClientRect();
            const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 8), 0), window.innerWidth - 1);
            const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
            if (r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth) {
              problems.push(`focused out of view: ${describe(e)}`);
              continue;
            }
            const top = document.elementFromPoint(x, y);
            if (top && top !== e && !e.contains(top) && !top.contains(e)) problems.push(`focused ${describe(e)} is covered by ${describe(top)}`);
          }
          return problems;
        }
        """;
}
