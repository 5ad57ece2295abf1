using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(u => u.ReportingYearId);
        builder.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ReportingYearId, u.Code }).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(TextLimits.Code);
        builder.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> builder)
    {
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.OrgUnitId);
        builder.HasIndex(i => new { i.OrgUnitId, i.SectionKey, i.Ordinal }).IsUnique();
        builder.HasIndex(i => new { i.SectionKey, i.FromYear, i.ToYear });
        builder.Property(i => i.SectionKey).HasMaxLength(TextLimits.Code);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
