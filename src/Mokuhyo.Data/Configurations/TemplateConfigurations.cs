using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class GoalFieldValueConfiguration : IEntityTypeConfiguration<GoalFieldValue>
{
    public void Configure(EntityTypeBuilder<GoalFieldValue> builder)
    {
        builder.HasOne<Goal>().WithMany(g => g.FieldValues).HasForeignKey(v => v.GoalId);
        builder.HasIndex(v => new { v.GoalId, v.PhaseKey, v.FieldKey }).IsUnique();
        builder.Property(v => v.PhaseKey).HasMaxLength(TextLimits.Code);
        builder.Property(v => v.FieldKey).HasMaxLength(TextLimits.Code);
        builder.Property(v => v.Version).IsConcurrencyToken();
    }
}
