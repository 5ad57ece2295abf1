using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Assignments).WithOne().HasForeignKey(a => a.UserId);
    }
}

internal sealed class UnitAssignmentConfiguration : IEntityTypeConfiguration<UnitAssignment>
{
    public void Configure(EntityTypeBuilder<UnitAssignment> builder)
    {
        builder.Property(a => a.UnitCode).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.UserId, a.UnitCode, a.Role }).IsUnique();
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(10);
    }
}
