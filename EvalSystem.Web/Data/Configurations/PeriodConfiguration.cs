using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class EvaluationPeriodConfiguration : IEntityTypeConfiguration<EvaluationPeriod>
{
    public void Configure(EntityTypeBuilder<EvaluationPeriod> builder)
    {
        builder.ToTable("Periods");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.TargetKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReopenReason).HasMaxLength(500);
        builder.Property(p => p.PublishOverrideReason).HasMaxLength(500);
        builder.HasOne<IndicatorSystem>().WithMany().HasForeignKey(p => p.IndicatorSystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.StartDate);
        builder.HasMany(p => p.DepartmentDeadlines).WithOne().HasForeignKey(d => d.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.DepartmentDeadlines).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Every deadline check needs them, and a period has only a few: loading a period without them would silently
        // give a department with an extension the period's deadline.
        builder.Navigation(p => p.DepartmentDeadlines).AutoInclude();
    }
}

internal sealed class PeriodDepartmentDeadlineConfiguration : IEntityTypeConfiguration<PeriodDepartmentDeadline>
{
    public void Configure(EntityTypeBuilder<PeriodDepartmentDeadline> builder)
    {
        builder.ToTable("PeriodDepartmentDeadlines");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Reason).HasMaxLength(PeriodDepartmentDeadline.ReasonMaxLength);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.PeriodId, d.DepartmentId }).IsUnique();
    }
}
