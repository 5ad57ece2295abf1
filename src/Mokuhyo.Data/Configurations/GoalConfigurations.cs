using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(g => g.ReportingYearId);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(g => g.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(g => g.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.PreviousGoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(g => new { g.DepartmentId, g.Number }).IsUnique();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasMany(g => g.CoUnits).WithOne().HasForeignKey(c => c.GoalId);
        builder.HasMany(g => g.Indicators).WithOne().HasForeignKey(i => i.GoalId);
        builder.HasMany(g => g.Results).WithOne().HasForeignKey(r => r.GoalId);
    }
}

internal sealed class GoalCoUnitConfiguration : IEntityTypeConfiguration<GoalCoUnit>
{
    public void Configure(EntityTypeBuilder<GoalCoUnit> builder)
    {
        builder.HasKey(c => new { c.GoalId, c.OrgUnitId });
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.TargetValue).HasPrecision(18, 4);
        builder.Property(i => i.BaselineValue).HasPrecision(18, 4);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.Actuals).WithOne().HasForeignKey(a => a.IndicatorId);
    }
}

internal sealed class IndicatorActualConfiguration : IEntityTypeConfiguration<IndicatorActual>
{
    public void Configure(EntityTypeBuilder<IndicatorActual> builder)
    {
        builder.HasIndex(a => new { a.IndicatorId, a.PhaseKey }).IsUnique();
        builder.Property(a => a.PhaseKey).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Value).HasPrecision(18, 4);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class GoalResultConfiguration : IEntityTypeConfiguration<GoalResult>
{
    public void Configure(EntityTypeBuilder<GoalResult> builder)
    {
        builder.HasIndex(r => new { r.GoalId, r.PhaseKey }).IsUnique();
        builder.Property(r => r.PhaseKey).HasMaxLength(TextLimits.Code);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Blocks).WithOne().HasForeignKey(b => b.GoalResultId);
    }
}

internal sealed class ResultBlockConfiguration : IEntityTypeConfiguration<ResultBlock>
{
    public void Configure(EntityTypeBuilder<ResultBlock> builder)
    {
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(p => p.ReportingYearId);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ReportingYearId, p.DepartmentCode, p.PhaseKey, p.Revision }).IsUnique();
        builder.Property(p => p.DepartmentCode).HasMaxLength(TextLimits.Code);
        builder.Property(p => p.PhaseKey).HasMaxLength(TextLimits.Code);
    }
}
