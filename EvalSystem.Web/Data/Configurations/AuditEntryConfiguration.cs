using EvalSystem.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string AppendOnlyTrigger = "TR_AuditEntries_AppendOnly";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Both migration sets create this trigger: the database itself refuses updates and deletes.
        builder.ToTable(t => t.HasTrigger(AppendOnlyTrigger));
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.IpAddress).HasMaxLength(45).IsUnicode(false);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityKey).HasMaxLength(200);
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}
