using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Configurations;

internal sealed class ImportColumnMappingConfiguration : IEntityTypeConfiguration<ImportColumnMapping>
{
    public void Configure(EntityTypeBuilder<ImportColumnMapping> builder)
    {
        builder.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.MunicipalityId, m.FormatKey }).IsUnique();
        builder.Property(m => m.FormatKey).HasMaxLength(TextLimits.Code);
        builder.Property(m => m.SheetName).HasMaxLength(TextLimits.Name);
        builder.Property(m => m.ColumnsJson).HasMaxLength(TextLimits.Paragraph);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
