using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Search;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

// The full-text indexes over Folded are not part of the model: SQLite's is an FTS5 virtual table and
// PostgreSQL's a pg_trgm GIN index, both created in the SearchIndex migration of each provider.
internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasOne<PublishedReport>().WithMany().HasForeignKey(e => e.PublishedReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.PublishedReportId);
        builder.HasIndex(e => e.DepartmentId);
        builder.HasIndex(e => new { e.FiscalYear, e.MunicipalityCode, e.DepartmentOrder, e.Position });
        // Narrow indexes for the search's filters, so SQLite never reads a wide row (the published text)
        // to decide whether a hit passes them (SearchService, docs/search.md). Keyed by Id: the full-text
        // hits are looked up in it; by city and by department: a selective filter's candidates.
        builder.HasIndex(e => new { e.Id, e.FiscalYear, e.MunicipalitySlug, e.DepartmentCode, e.RatingOutcome })
            .HasDatabaseName(Search.SearchService.SqliteFilterIndex);
        builder.HasIndex(e => new { e.MunicipalitySlug, e.FiscalYear, e.DepartmentCode, e.RatingOutcome })
            .HasDatabaseName("IX_SearchEntries_City");
        builder.HasIndex(e => new { e.DepartmentCode, e.FiscalYear, e.RatingOutcome })
            .HasDatabaseName("IX_SearchEntries_Department");
        builder.Property(e => e.MunicipalityCode).HasMaxLength(TextLimits.Code);
        builder.Property(e => e.MunicipalitySlug).HasMaxLength(TextLimits.Code);
        builder.Property(e => e.DepartmentCode).HasMaxLength(TextLimits.Code);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Anchor).HasMaxLength(TextLimits.Code + 10);
        builder.Property(e => e.RatingOutcome).HasMaxLength(20);
    }
}
