using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Domain.Tests;

public class WarekiTests
{
    [Fact]
    public void Fiscal_year_2022_reads_reiwa_4()
    {
        Assert.Equal("令和4年度", Wareki.FormatFiscalYear(new FiscalYear(2022)));
    }
}
