namespace Mokuhyo.Documents.Tests;

public sealed class SeedReportTests(SeedReport seed)
{
    [Fact]
    public async Task The_shared_seed_report_is_the_published_demo_department()
    {
        var report = await seed.GetAsync();

        Assert.Equal("市民生活部", report.Department.Name);
        Assert.Equal(9, report.Goals.Count());
    }
}
