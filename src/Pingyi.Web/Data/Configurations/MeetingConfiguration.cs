using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;

namespace Pingyi.Web.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        b.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength).IsRequired();
        b.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        b.Property(m => m.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(m => new { m.CampaignId, m.HostOrganizationId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // NoAction: a campaign draft deleted with its groups and meetings must not trip over the order of the cascade.
        b.HasOne<RaterGroup>().WithMany().HasForeignKey(m => m.RaterGroupId).OnDelete(DeleteBehavior.NoAction);
        b.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Meetings_Forms", "\"FormsReturned\" >= 0 AND \"FormsReturned\" <= \"FormsIssued\"");
            t.HasCheckConstraint("CK_Meetings_Attendance", "\"Attendance\" >= 0");
        });
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> b)
    {
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MeetingId, i.OrganizationId }).IsUnique();
        b.HasIndex(i => new { i.MeetingId, i.MemberId }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_MeetingInvitees_OneTarget",
            "(\"OrganizationId\" IS NULL) <> (\"MemberId\" IS NULL)"));
    }
}

internal sealed class PaperSlipConfiguration : IEntityTypeConfiguration<PaperSlip>
{
    public void Configure(EntityTypeBuilder<PaperSlip> b)
    {
        b.Property(s => s.VoidReason).HasMaxLength(PaperSlip.VoidReasonMaxLength);
        // The arbiter against typing a serial twice, also between two clerks at the same moment.
        b.HasIndex(s => new { s.MeetingId, s.Serial }).IsUnique();
        b.HasIndex(s => s.TokenId).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Token>().WithMany().HasForeignKey(s => s.TokenId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperEntryConfiguration : IEntityTypeConfiguration<PaperEntry>
{
    public void Configure(EntityTypeBuilder<PaperEntry> b)
    {
        b.Property(e => e.EnteredBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.VoidReason).HasMaxLength(PaperSlip.VoidReasonMaxLength);
        b.Property(e => e.AnswersJson).IsRequired();
        b.HasIndex(e => new { e.MeetingId, e.Serial, e.Pass }).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_PaperEntries_Pass", "\"Pass\" IN (1, 2)"));
    }
}

internal sealed class StandingChannelConfiguration : IEntityTypeConfiguration<StandingChannel>
{
    public void Configure(EntityTypeBuilder<StandingChannel> b)
    {
        b.Property(c => c.Name).HasMaxLength(StandingChannel.NameMaxLength).IsRequired();
        b.Property(c => c.Code).HasMaxLength(StandingChannel.CodeLength).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.CampaignId, c.OrganizationId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RaterGroup>().WithMany().HasForeignKey(c => c.RaterGroupId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
