using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class IndicatorSystemConfiguration : IEntityTypeConfiguration<IndicatorSystem>
{
    public void Configure(EntityTypeBuilder<IndicatorSystem> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.TargetKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Aggregation).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.MissingData).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(s => new { s.LineageId, s.Version }).IsUnique();
        builder.Ignore(s => s.DisplayName);
        builder.Ignore(s => s.Indicators);
        builder.HasMany(s => s.Nodes).WithOne().HasForeignKey(n => n.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Nodes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IndicatorNodeConfiguration : IEntityTypeConfiguration<IndicatorNode>
{
    public void Configure(EntityTypeBuilder<IndicatorNode> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Code).HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(n => new { n.SystemId, n.Code }).IsUnique();
        builder.Property(n => n.NameZh).HasMaxLength(100);
        builder.Property(n => n.NameEn).HasMaxLength(200);
        builder.Property(n => n.Weight).HasPrecision(9, 4);
        builder.Property(n => n.Unit).HasMaxLength(30);
        builder.Property(n => n.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Formula).HasMaxLength(2000);
        builder.Property(n => n.Measure).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.RuleJson);
        builder.Ignore(n => n.IsIndicator);
        builder.HasOne<IndicatorNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Department>().WithMany().HasForeignKey(n => n.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        // A primitive collection: stored as a JSON array on both providers.
        builder.PrimitiveCollection(n => n.SupportingDepartmentIds);
    }
}
