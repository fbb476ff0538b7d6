using System.Text.Json;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

/// <summary>How lists inside a case or rating are stored: one JSON text column (the bulk import writes the same text).</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write<T>(List<T> items) => JsonSerializer.Serialize(items, Options);

    public static List<T> Read<T>(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];

    public static void Map<TEntity, T>(EntityTypeBuilder<TEntity> builder, string field, string column) where TEntity : class =>
        builder.Property<List<T>>(field)
            .HasColumnName(column)
            .HasConversion(v => Write(v), v => Read<T>(v), new ValueComparer<List<T>>(
                (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()));
}

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> builder)
    {
        builder.ToTable("ServiceCases");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CaseNumber).HasMaxLength(64);
        builder.HasIndex(c => c.CaseNumber).IsUnique();
        builder.Property(c => c.ItemCode).HasMaxLength(64);
        builder.Property(c => c.ItemName).HasMaxLength(200);
        builder.Property(c => c.RegionCode).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.StartupStages);
        JsonColumn.Map<ServiceCase, StartupStage>(builder, "_startupStages", "StartupStages");
        // The measures read a period's completed cases by department or region.
        builder.HasIndex(c => new { c.CompletedAt, c.DepartmentId });
        builder.HasIndex(c => new { c.CompletedAt, c.RegionCode });
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("Ratings");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RatingId).HasMaxLength(64);
        builder.HasIndex(r => r.RatingId).IsUnique();
        builder.Property(r => r.CaseNumber).HasMaxLength(64);
        builder.Property(r => r.RegionCode).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Items);
        builder.Ignore(r => r.IsBadReview);
        JsonColumn.Map<Rating, string>(builder, "_items", "Items");
        builder.HasIndex(r => new { r.RatedAt, r.DepartmentId });
        builder.HasIndex(r => new { r.RatedAt, r.RegionCode });
    }
}

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> builder)
    {
        builder.ToTable("RectificationItems");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RatingId).HasMaxLength(64);
        builder.HasIndex(r => r.RatingId).IsUnique(); // one item per bad review, however often the rating is re-imported
        builder.Property(r => r.CaseNumber).HasMaxLength(64);
        builder.Property(r => r.RegionCode).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CallBackResult).HasMaxLength(1000);
        builder.Property(r => r.RectificationDescription).HasMaxLength(2000);
        builder.OwnsOne(r => r.CalledBackBy, o => { o.Property(u => u.UserId).HasMaxLength(450); o.Property(u => u.UserName).HasMaxLength(256); });
        builder.OwnsOne(r => r.RectifiedBy, o => { o.Property(u => u.UserId).HasMaxLength(450); o.Property(u => u.UserName).HasMaxLength(256); });
        builder.OwnsOne(r => r.ClosedBy, o => { o.Property(u => u.UserId).HasMaxLength(450); o.Property(u => u.UserName).HasMaxLength(256); });
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OpenedAt, r.DepartmentId });
        builder.Ignore(r => r.ClosedOnTime);
    }
}

internal sealed class DataImportConfiguration : IEntityTypeConfiguration<DataImport>
{
    public void Configure(EntityTypeBuilder<DataImport> builder)
    {
        builder.ToTable("DataImports");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Source).HasMaxLength(255);
        builder.Property(i => i.ByUserId).HasMaxLength(450);
        builder.Property(i => i.ByName).HasMaxLength(256);
        builder.Property(i => i.FirstError).HasMaxLength(DataImport.MaxErrorLength);
        builder.HasIndex(i => i.AtUtc);
    }
}

internal sealed class CalendarDayRowConfiguration : IEntityTypeConfiguration<CalendarDayRow>
{
    public void Configure(EntityTypeBuilder<CalendarDayRow> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(20);
        builder.HasIndex(d => d.Year);
    }
}
