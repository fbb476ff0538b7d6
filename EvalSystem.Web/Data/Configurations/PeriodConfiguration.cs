using EvalSystem.Domain.Indicators;
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
    }
}
