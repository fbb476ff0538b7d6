using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class ScoreRunConfiguration : IEntityTypeConfiguration<ScoreRun>
{
    public void Configure(EntityTypeBuilder<ScoreRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.MethodHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(r => r.InputHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(r => r.RunByUserId).HasMaxLength(450);
        builder.Property(r => r.RunByName).HasMaxLength(256);
        builder.Property(r => r.PublishedBy).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(r => r.Sensitivity);
        builder.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorSystem>().WithMany().HasForeignKey(r => r.IndicatorSystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PeriodId, r.Number }).IsUnique();
    }
}

// The result tables are written in bulk (see ScoreRunStore); they have no surrogate key and store
// enums as numbers to stay small: 3,000 targets × 100 indicators is 300,000 rows a run.

internal sealed class TargetScoreRecordConfiguration : IEntityTypeConfiguration<TargetScoreRecord>
{
    public void Configure(EntityTypeBuilder<TargetScoreRecord> builder)
    {
        builder.ToTable("TargetScores");
        builder.HasKey(s => new { s.RunId, s.TargetId });
        builder.HasOne<ScoreRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvaluationTarget>().WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RunId, s.Rank });
    }
}

internal sealed class IndicatorScoreRecordConfiguration : IEntityTypeConfiguration<IndicatorScoreRecord>
{
    public void Configure(EntityTypeBuilder<IndicatorScoreRecord> builder)
    {
        builder.ToTable("IndicatorScores");
        builder.HasKey(s => new { s.RunId, s.TargetId, s.IndicatorNodeId });
        builder.Property(s => s.Imputation).HasConversion<byte>();
        builder.HasOne<ScoreRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvaluationTarget>().WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<IndicatorNode>().WithMany().HasForeignKey(s => s.IndicatorNodeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class RunNodeAverageConfiguration : IEntityTypeConfiguration<RunNodeAverage>
{
    public void Configure(EntityTypeBuilder<RunNodeAverage> builder)
    {
        builder.ToTable("RunNodeAverages");
        builder.HasKey(a => new { a.RunId, a.IndicatorNodeId });
        builder.HasOne<ScoreRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IndicatorNode>().WithMany().HasForeignKey(a => a.IndicatorNodeId).OnDelete(DeleteBehavior.NoAction);
    }
}
