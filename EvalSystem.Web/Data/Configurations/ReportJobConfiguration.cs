using EvalSystem.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class ReportJobConfiguration : IEntityTypeConfiguration<ReportJob>
{
    public void Configure(EntityTypeBuilder<ReportJob> builder)
    {
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasMaxLength(ReportJob.MaxKindLength).IsUnicode(false);
        builder.Property(j => j.Title).HasMaxLength(200);
        builder.Property(j => j.ParametersJson).HasMaxLength(2000);
        builder.Property(j => j.ParametersText).HasMaxLength(1000);
        builder.Property(j => j.RequestedById).HasMaxLength(450);
        builder.Property(j => j.RequestedByName).HasMaxLength(256);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Message).HasMaxLength(ReportJob.MaxMessageLength);
        builder.Property(j => j.FileName).HasMaxLength(255);
        builder.Property(j => j.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Ignore(j => j.IsFinished);
        // The history lists the newest first, all jobs or one requester's.
        builder.HasIndex(j => j.RequestedAtUtc);
        builder.HasIndex(j => new { j.RequestedById, j.RequestedAtUtc });
    }
}
