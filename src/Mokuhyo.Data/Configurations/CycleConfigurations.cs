using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class PhaseDeadlineConfiguration : IEntityTypeConfiguration<PhaseDeadline>
{
    public void Configure(EntityTypeBuilder<PhaseDeadline> builder)
    {
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(d => d.ReportingYearId);
        builder.HasIndex(d => new { d.ReportingYearId, d.PhaseKey }).IsUnique();
        builder.Property(d => d.PhaseKey).HasMaxLength(TextLimits.Code);
        builder.Property(d => d.ReopenReason).HasMaxLength(2000);
        builder.Property(d => d.ChangedBy).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    // The queue compares and orders these instants in SQL; SQLite cannot compare DateTimeOffset
    // values, so both providers keep them as UTC milliseconds.
    private static readonly ValueConverter<DateTimeOffset, long> Milliseconds =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<Dictionary<string, string>, string> Json =
        new(v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    private static readonly ValueComparer<Dictionary<string, string>> JsonComparer =
        new((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v));

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.RecipientId);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.EmailState).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Arguments).HasConversion(Json, JsonComparer);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.HasIndex(n => n.DedupKey).IsUnique();
        builder.Property(n => n.LeaseOwner).HasMaxLength(100);
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.CreatedAt).HasConversion(Milliseconds);
        builder.Property(n => n.ReadAt).HasConversion(Milliseconds);
        builder.Property(n => n.NextAttemptAt).HasConversion(Milliseconds);
        builder.Property(n => n.LeaseExpiresAt).HasConversion(Milliseconds);
        builder.Property(n => n.SentAt).HasConversion(Milliseconds);
        builder.HasIndex(n => new { n.EmailState, n.NextAttemptAt });
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.UserId);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
