using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Forms;

namespace Pingyi.Web.Data.Configurations;

internal sealed class FormConfiguration : IEntityTypeConfiguration<Form>
{
    public void Configure(EntityTypeBuilder<Form> b)
    {
        b.Property(f => f.TemplateKey).HasMaxLength(64);
        b.HasOne(f => f.Organization).WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Versions).WithOne(v => v.Form).HasForeignKey(v => v.FormId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> b)
    {
        b.Property(v => v.Title).HasMaxLength(FormVersion.TitleMaxLength).IsRequired();
        b.Property(v => v.Description).HasMaxLength(FormVersion.DescriptionMaxLength);
        b.HasIndex(v => new { v.FormId, v.Number }).IsUnique();
        b.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.FormVersionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(v => v.Items);
        b.Ignore(v => v.IsFrozen);
    }
}

internal sealed class FormSectionConfiguration : IEntityTypeConfiguration<FormSection>
{
    public void Configure(EntityTypeBuilder<FormSection> b)
    {
        b.Property(s => s.Title).HasMaxLength(FormSection.TitleMaxLength);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormItemConfiguration : IEntityTypeConfiguration<FormItem>
{
    public void Configure(EntityTypeBuilder<FormItem> b)
    {
        b.Property(i => i.Key).HasMaxLength(FormItem.KeyLength).IsRequired();
        b.Property(i => i.Text).HasMaxLength(FormItem.TextMaxLength).IsRequired();
        b.Property(i => i.Help).HasMaxLength(FormItem.HelpMaxLength);
        // A small ordered list read and written with its item: JSON text on SQLite, an array on PostgreSQL.
        b.PrimitiveCollection(i => i.Options);
    }
}
