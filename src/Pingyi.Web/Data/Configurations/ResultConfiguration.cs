using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Data.Configurations;

internal sealed class ResultAnswerCountConfiguration : IEntityTypeConfiguration<ResultAnswerCount>
{
    public void Configure(EntityTypeBuilder<ResultAnswerCount> b)
    {
        // The key is the upsert's conflict target; the campaign leads so one campaign's rows are read in key order.
        b.HasKey(x => new { x.CampaignId, x.AssignmentId, x.SubjectId, x.ItemId, x.Value });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        // No keys to subjects and items: every row comes from ballot answers, which already hold them,
        // and the upsert runs in every ballot batch, so it should check no more than it must.
    }
}

internal sealed class ResultBallotCountConfiguration : IEntityTypeConfiguration<ResultBallotCount>
{
    public void Configure(EntityTypeBuilder<ResultBallotCount> b)
    {
        b.HasKey(x => new { x.CampaignId, x.AssignmentId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotExclusionConfiguration : IEntityTypeConfiguration<BallotExclusion>
{
    public void Configure(EntityTypeBuilder<BallotExclusion> b)
    {
        b.Property(x => x.Reason).HasMaxLength(BallotExclusion.ReasonMaxLength).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.CampaignId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberGradeDecisionConfiguration : IEntityTypeConfiguration<MemberGradeDecision>
{
    public void Configure(EntityTypeBuilder<MemberGradeDecision> b)
    {
        b.Property(x => x.Reason).HasMaxLength(MemberGradeDecision.ReasonMaxLength);
        b.Property(x => x.DecidedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.CampaignId, x.SubjectId }).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CampaignSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationFlagConfiguration : IEntityTypeConfiguration<OrganizationFlag>
{
    public void Configure(EntityTypeBuilder<OrganizationFlag> b)
    {
        b.Property(x => x.Evidence).HasMaxLength(OrganizationFlag.EvidenceMaxLength).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(OrganizationFlag.ReasonMaxLength);
        b.Property(x => x.DecidedBy).HasMaxLength(256).IsRequired();
        // One decision per organisation, campaign and kind; deciding again replaces it.
        b.HasIndex(x => new { x.CampaignId, x.OrganizationId, x.Kind }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
