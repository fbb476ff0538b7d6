using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorNode>().WithMany().HasForeignKey(s => s.IndicatorNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvaluationTarget>().WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PeriodId, s.IndicatorNodeId, s.TargetId }).IsUnique();
        builder.HasIndex(s => new { s.DepartmentId, s.Status });
        builder.HasMany(s => s.History).WithOne().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.HasIndex(e => new { e.SubmissionId, e.AtUtc });
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.DisplayName).HasMaxLength(255);
        builder.Property(e => e.StoredName).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(e => e.StoredName).IsUnique();
        builder.Property(e => e.ContentType).HasMaxLength(100).IsUnicode(false);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
        builder.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
