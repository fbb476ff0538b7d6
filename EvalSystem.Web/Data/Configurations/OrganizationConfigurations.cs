using EvalSystem.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Code).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code).HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(50);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class EvaluationTargetConfiguration : IEntityTypeConfiguration<EvaluationTarget>
{
    public void Configure(EntityTypeBuilder<EvaluationTarget> builder)
    {
        builder.ToTable("Targets");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(50);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.RegionId).IsUnique();
        builder.HasIndex(t => t.DepartmentId).IsUnique();
    }
}
