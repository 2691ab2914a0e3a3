using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Publishing;
using Pingyi.Domain.Reports;

namespace Pingyi.Web.Data.Configurations;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.Property(x => x.Note).HasMaxLength(Publication.NoteMaxLength);
        b.Property(x => x.PublishedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.FinalizedBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnBy).HasMaxLength(256);
        b.Property(x => x.WithdrawReason).HasMaxLength(Publication.ReasonMaxLength);
        // Finalising and withdrawing are UPDATE … WHERE State = (what was read): the loser of a race saves nothing.
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => new { x.CampaignId, x.State });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        // Random, never generated in order: the id must not tell when an objection arrived.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(Objection.TextMaxLength).IsRequired();
        b.Property(x => x.ReceiptHash).HasMaxLength(Domain.Ballots.Ballot.ReceiptHashLength).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(Objection.AnswerMaxLength);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => x.PublicationId);
        b.HasIndex(x => x.ReceiptHash);
        b.HasOne<Publication>().WithMany().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CampaignSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> b)
    {
        b.Property(x => x.ScopeKey).HasMaxLength(ReportNarrative.ScopeKeyMaxLength).IsRequired();
        b.Property(x => x.SectionKey).HasMaxLength(ReportNarrative.SectionKeyMaxLength).IsRequired();
        b.Property(x => x.Text).HasMaxLength(ReportNarrative.TextMaxLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.ScopeKey, x.SectionKey }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
