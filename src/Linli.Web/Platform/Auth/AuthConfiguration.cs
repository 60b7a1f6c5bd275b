using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Auth;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.OrgPath).HasMaxLength(200);
        b.HasIndex(u => u.OrgPath);
        b.HasIndex(u => u.OrgUnitId);
        b.HasIndex(u => u.DepartmentId);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.HasKey(t => t.TokenHash);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.HasIndex(t => t.UserId);
        b.HasIndex(t => t.ExpiresAt);
    }
}

public sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.Property(h => h.UserId).HasMaxLength(450);
        b.HasIndex(h => h.UserId);
    }
}
