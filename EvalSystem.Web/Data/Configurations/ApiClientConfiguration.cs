using EvalSystem.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EvalSystem.Web.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(ApiClient.MaxNameLength);
        // Scopes are a handful of fixed words without spaces: one space-separated column (as in OAuth's "scope"),
        // the same on both providers and readable in a query.
        builder.Property(c => c.Scopes)
            .HasConversion(
                v => string.Join(" ", v),
                v => new SortedSet<string>(v.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
                new ValueComparer<IReadOnlySet<string>>(
                    (a, b) => a!.SetEquals(b!),
                    v => v.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode(StringComparison.Ordinal))),
                    v => new SortedSet<string>(v, StringComparer.Ordinal)))
            .HasMaxLength(200)
            .IsUnicode(false);
        builder.Property(c => c.KeyPrefix).HasMaxLength(ApiClient.KeyPrefixLength).IsUnicode(false);
        // Every request looks its key up by hash. Prefixes may collide, hashes of 256-bit keys do not.
        builder.Property(c => c.KeyHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.RevokedBy).HasMaxLength(256);
        builder.Ignore(c => c.IsRevoked);
    }
}
