using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Text;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Configurations;

internal sealed class ReportStateConfiguration : IEntityTypeConfiguration<ReportState>
{
    public void Configure(EntityTypeBuilder<ReportState> builder)
    {
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(s => s.ReportingYearId);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DepartmentId, s.PhaseKey }).IsUnique();
        builder.Property(s => s.PhaseKey).HasMaxLength(TextLimits.Code);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Comments).WithOne().HasForeignKey(c => c.ReportStateId);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.ReportStateId, c.Revision });
        builder.HasIndex(c => c.GoalId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.EntityId).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Action).HasMaxLength(TextLimits.Code);
        builder.HasIndex(a => a.GoalId);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.DepartmentId);
    }
}
