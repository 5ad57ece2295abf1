using Mokuhyo.Domain.Reports;
using PdfSharp.Pdf;

namespace Mokuhyo.Documents.Pdf;

/// <summary>
/// Writes the published report view model as an A4 PDF: one department, or the compendium of a fiscal
/// year with a cover, a table of contents and every department from a new page. Fonts are embedded as
/// subsets; the text extracts exactly as written. Safe to use from several threads.
/// </summary>
public sealed class ReportPdfWriter(TimeProvider clock)
{
    public const string Creator = "Mokuhyo";

    public ReportPdfWriter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Writes one department's report; with a brand, the city's emblem and name head every page.</summary>
    public void WriteDepartment(DepartmentReport report, Stream output, PdfBrand? brand = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var type = new Typesetter();
        var layout = new ReportLayout(type);
        var pages = new Paginator().Paginate(layout.Department(report)).ToList();
        AddFooters(layout, pages);
        AddBrand(pages, brand);

        using var document = NewDocument(ReportLayout.DocumentTitle(report), report.Municipality.Name);
        new PdfPainter(type).Paint(document, pages);
        document.Save(output, closeStream: false);
    }

    /// <summary>
    /// Writes the compendium of a fiscal year: a cover, the table of contents with the page each
    /// department starts on, then each department's report from a new page, in the order given.
    /// </summary>
    public void WriteCompendium(string municipalityName, string fiscalYearLabel, IReadOnlyList<DepartmentReport> reports, Stream output,
        PdfBrand? brand = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(municipalityName);
        ArgumentException.ThrowIfNullOrEmpty(fiscalYearLabel);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);

        using var type = new Typesetter();
        var layout = new ReportLayout(type);
        var cover = new Paginator().Paginate(layout.Cover(municipalityName, fiscalYearLabel, reports.Count));
        var departments = reports.Select(r => new Paginator().Paginate(layout.Department(r))).ToList();
        var titles = reports.Select(ReportLayout.DocumentTitle).ToList();

        // Lay the departments out first: the contents can only be written once their pages are known.
        // Page numbers do not change how many pages the contents take, so placeholders measure them.
        var contentsPages = new Paginator().Paginate(layout.Contents([.. titles.Select(t => (t, 0))])).Count;
        var starts = new List<int>(reports.Count);
        var next = cover.Count + contentsPages + 1;
        foreach (var pagesOfDepartment in departments)
        {
            starts.Add(next);
            next += pagesOfDepartment.Count;
        }

        var contents = new Paginator().Paginate(layout.Contents([.. titles.Zip(starts)]));
        if (contents.Count != contentsPages)
        {
            throw new InvalidOperationException("The table of contents changed length once its page numbers were known.");
        }

        var pages = cover.Concat(contents).Concat(departments.SelectMany(d => d)).ToList();
        AddFooters(layout, pages);
        AddBrand(pages, brand);

        using var document = NewDocument(PdfText.CompendiumTitle(municipalityName, fiscalYearLabel), municipalityName);
        document.PageMode = PdfPageMode.UseOutlines;
        new PdfPainter(type).Paint(document, pages);
        document.Save(output, closeStream: false);
    }

    private static void AddFooters(ReportLayout layout, List<LaidOutPage> pages)
    {
        for (var k = 0; k < pages.Count; k++)
        {
            var footer = layout.Footer(k + 1, pages.Count);
            foreach (var text in footer.Texts)
            {
                pages[k].Items.Add(text with { X = PageFrame.Left + text.X, Y = PageFrame.FooterTop });
            }
        }
    }

    /// <summary>The header goes in the top margin, so a branded document's pages break exactly where an unbranded one's do.</summary>
    private static void AddBrand(List<LaidOutPage> pages, PdfBrand? brand)
    {
        if (brand is null)
        {
            return;
        }

        foreach (var page in pages)
        {
            page.Items.Insert(0, new BrandHeaderItem(brand));
        }
    }

    private PdfDocument NewDocument(string title, string author)
    {
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Creator = Creator;
        var now = clock.GetLocalNow().DateTime;
        document.Info.CreationDate = now;
        document.Info.ModificationDate = now;
        document.Language = "ja";
        document.ViewerPreferences.DisplayDocTitle = true;
        return document;
    }
}
