using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Origin).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(v => v.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvaluationTarget>().WithMany().HasForeignKey(v => v.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorNode>().WithMany().HasForeignKey(v => v.IndicatorNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Submission>().WithMany().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PeriodId, v.TargetId, v.IndicatorNodeId }).IsUnique();
    }
}
