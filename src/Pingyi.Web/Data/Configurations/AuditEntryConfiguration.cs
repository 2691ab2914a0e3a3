using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(256).IsRequired();
        b.Property(a => a.Ip).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64).IsRequired();
        b.Property(a => a.ObjectType).HasMaxLength(64);
        b.Property(a => a.ObjectId).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(2000);
        b.HasIndex(a => a.TimeUtc);
        b.HasIndex(a => a.Actor);
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> b)
    {
        b.Property(p => p.Kind).HasMaxLength(32).IsRequired();
        b.Property(p => p.FileName).HasMaxLength(260).IsRequired();
        b.Property(p => p.CreatedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        b.HasOne<Pingyi.Domain.Organizations.Organization>().WithMany().HasForeignKey(u => u.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
