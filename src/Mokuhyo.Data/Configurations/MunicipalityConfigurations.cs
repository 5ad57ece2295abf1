using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(6);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.Slug).HasMaxLength(40);
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.LicenceUrl).HasMaxLength(TextLimits.Title);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.PrimaryColor).HasMaxLength(7);
        builder.Property(m => m.AccentColor).HasMaxLength(7);
        builder.HasMany(m => m.Years).WithOne(y => y.Municipality).HasForeignKey(y => y.MunicipalityId);
        builder.HasMany(m => m.Formats).WithOne().HasForeignKey(f => f.MunicipalityId);
    }
}

internal sealed class FormatVersionConfiguration : IEntityTypeConfiguration<FormatVersion>
{
    public void Configure(EntityTypeBuilder<FormatVersion> builder)
    {
        builder.HasIndex(f => new { f.MunicipalityId, f.Number }).IsUnique();
    }
}

internal sealed class ReportingYearConfiguration : IEntityTypeConfiguration<ReportingYear>
{
    public void Configure(EntityTypeBuilder<ReportingYear> builder)
    {
        builder.Ignore(y => y.FiscalYear);
        builder.HasIndex(y => new { y.MunicipalityId, y.Year }).IsUnique();
        builder.HasOne(y => y.FormatVersion).WithMany().HasForeignKey(y => y.FormatVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MunicipalityEmblemConfiguration : IEntityTypeConfiguration<MunicipalityEmblem>
{
    public void Configure(EntityTypeBuilder<MunicipalityEmblem> builder)
    {
        builder.HasKey(e => e.MunicipalityId);
        builder.Property(e => e.ContentType).HasMaxLength(20);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasOne<Municipality>().WithOne().HasForeignKey<MunicipalityEmblem>(e => e.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyNodeConfiguration : IEntityTypeConfiguration<Mokuhyo.Domain.Policies.PolicyNode>
{
    public void Configure(EntityTypeBuilder<Mokuhyo.Domain.Policies.PolicyNode> builder)
    {
        builder.Property(n => n.Code).HasMaxLength(TextLimits.Code);
        builder.HasIndex(n => new { n.MunicipalityId, n.Code }).IsUnique();
        builder.Property(n => n.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Mokuhyo.Domain.Policies.PolicyNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GoalPolicyLinkConfiguration : IEntityTypeConfiguration<Mokuhyo.Domain.Policies.GoalPolicyLink>
{
    public void Configure(EntityTypeBuilder<Mokuhyo.Domain.Policies.GoalPolicyLink> builder)
    {
        builder.HasKey(l => new { l.GoalId, l.PolicyNodeId });
        builder.HasIndex(l => l.PolicyNodeId);
        builder.HasOne<Mokuhyo.Domain.Goals.Goal>().WithMany().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Mokuhyo.Domain.Policies.PolicyNode>().WithMany().HasForeignKey(l => l.PolicyNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
