using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength).IsRequired();
        b.Property(c => c.Theme).HasMaxLength(Campaign.ThemeMaxLength);
        b.HasIndex(c => new { c.OrganizationId, c.Year });
        // Columns of the Campaigns table (ResultSettings_WeakBelowPercent …): read with every campaign, never alone.
        b.ComplexProperty(c => c.ResultSettings);
        b.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.RaterGroups).WithOne().HasForeignKey(g => g.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignSubjectConfiguration : IEntityTypeConfiguration<CampaignSubject>
{
    public void Configure(EntityTypeBuilder<CampaignSubject> b)
    {
        b.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CampaignId, s.OrganizationId }).IsUnique();
        b.HasIndex(s => new { s.CampaignId, s.MemberId }).IsUnique();
        // Exactly one of organisation and member.
        b.ToTable(t => t.HasCheckConstraint("CK_CampaignSubjects_OneTarget",
            "(\"OrganizationId\" IS NULL) <> (\"MemberId\" IS NULL)"));
        b.Ignore(s => s.IsMember);
    }
}

internal sealed class RaterGroupConfiguration : IEntityTypeConfiguration<RaterGroup>
{
    public void Configure(EntityTypeBuilder<RaterGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(RaterGroup.NameMaxLength).IsRequired();
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.HasOne(a => a.RaterGroup).WithMany().HasForeignKey(a => a.RaterGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.FormVersion).WithMany().HasForeignKey(a => a.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Subjects).WithMany().UsingEntity(
            "AssignmentSubjects",
            r => r.HasOne(typeof(CampaignSubject)).WithMany().HasForeignKey("CampaignSubjectId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Assignment)).WithMany().HasForeignKey("AssignmentId").OnDelete(DeleteBehavior.Cascade));
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        b.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.HasOne(k => k.Owner).WithMany().HasForeignKey(k => k.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
