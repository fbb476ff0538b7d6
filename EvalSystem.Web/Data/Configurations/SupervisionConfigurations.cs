using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class SupervisionTaskConfiguration : IEntityTypeConfiguration<SupervisionTask>
{
    public void Configure(EntityTypeBuilder<SupervisionTask> builder)
    {
        builder.ToTable("SupervisionTasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        // 一件一号: stored as its canonical text ("DC-2026-0001"), unique.
        builder.Property(t => t.Number)
            .HasConversion(n => n.ToString(), s => SupervisionNumber.Parse(s))
            .HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Problem).HasMaxLength(2000);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.RegionCode).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.Property(t => t.IndicatorCode).HasMaxLength(20).IsUnicode(false);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450);
        builder.Property(t => t.CreatedByName).HasMaxLength(256);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.SupportingDepartmentIds);
        builder.PrimitiveCollection<List<Guid>>("_supportingDepartmentIds").HasColumnName("SupportingDepartmentIds");
        builder.Ignore(t => t.PendingExtension);
        builder.Ignore(t => t.IsClosed);
        builder.Ignore(t => t.ClosedOnTime);
        builder.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.ProgressReports).WithOne().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.ProgressReports).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Extensions).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Extensions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The lists filter by status and department; the measures read tasks by deadline; generation checks what a period has.
        builder.HasIndex(t => new { t.DepartmentId, t.Status });
        builder.HasIndex(t => new { t.Status, t.Deadline });
        builder.HasIndex(t => new { t.PeriodId, t.TargetId });
        // One task per bad review, also when two offices press 转为督查任务 at once (SQL Server filters out the NULLs).
        builder.HasIndex(t => t.RatingId).IsUnique();
    }
}

internal sealed class SupervisionEventConfiguration : IEntityTypeConfiguration<SupervisionEvent>
{
    public void Configure(EntityTypeBuilder<SupervisionEvent> builder)
    {
        builder.ToTable("SupervisionEvents");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Text).HasMaxLength(2100);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.HasIndex(e => new { e.TaskId, e.AtUtc });
    }
}

internal sealed class SupervisionProgressReportConfiguration : IEntityTypeConfiguration<SupervisionProgressReport>
{
    public void Configure(EntityTypeBuilder<SupervisionProgressReport> builder)
    {
        builder.ToTable("SupervisionProgressReports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Text).HasMaxLength(2000);
        builder.Property(r => r.ReportedByUserId).HasMaxLength(450);
        builder.Property(r => r.ReportedByName).HasMaxLength(256);
        builder.Ignore(r => r.EvidenceFileIds);
        builder.PrimitiveCollection<List<Guid>>("_evidenceFileIds").HasColumnName("EvidenceFileIds");
        builder.HasIndex(r => new { r.TaskId, r.ReportedAtUtc });
    }
}

internal sealed class SupervisionExtensionConfiguration : IEntityTypeConfiguration<SupervisionExtension>
{
    public void Configure(EntityTypeBuilder<SupervisionExtension> builder)
    {
        builder.ToTable("SupervisionExtensions");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.RequestedByUserId).HasMaxLength(450);
        builder.Property(x => x.RequestedByName).HasMaxLength(256);
        builder.Property(x => x.DecidedByUserId).HasMaxLength(450);
        builder.Property(x => x.DecidedByName).HasMaxLength(256);
        builder.Property(x => x.DecisionComment).HasMaxLength(2000);
        builder.HasIndex(x => x.TaskId);
    }
}

internal sealed class SupervisionAttachmentConfiguration : IEntityTypeConfiguration<SupervisionAttachment>
{
    public void Configure(EntityTypeBuilder<SupervisionAttachment> builder)
    {
        builder.ToTable("SupervisionAttachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.DisplayName).HasMaxLength(255);
        builder.Property(a => a.StoredName).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsUnicode(false);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        builder.Property(a => a.UploadedByName).HasMaxLength(256);
        builder.HasOne<SupervisionTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisionNumberCounterConfiguration : IEntityTypeConfiguration<SupervisionNumberCounter>
{
    public void Configure(EntityTypeBuilder<SupervisionNumberCounter> builder)
    {
        builder.ToTable("SupervisionNumberCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastSequence).IsConcurrencyToken();
    }
}
