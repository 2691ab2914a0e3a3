using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Organizations;

namespace Pingyi.Web.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength).IsRequired();
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength).IsRequired();
        b.Property(o => o.Path).HasMaxLength(1000).IsRequired();
        b.HasIndex(o => o.Path);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.Name).HasMaxLength(Member.NameMaxLength).IsRequired();
        b.Property(m => m.Position).HasMaxLength(Member.PositionMaxLength);
        b.Property(m => m.EmployeeNo).HasMaxLength(Member.EmployeeNoMaxLength);
        b.HasIndex(m => new { m.OrganizationId, m.EmployeeNo }).IsUnique();
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
