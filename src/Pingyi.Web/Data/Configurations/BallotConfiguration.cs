using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Data.Configurations;

internal sealed class TokenConfiguration : IEntityTypeConfiguration<Token>
{
    public void Configure(EntityTypeBuilder<Token> b)
    {
        b.Property(t => t.LongHash).HasMaxLength(Token.HashLength).IsRequired();
        b.Property(t => t.ShortHash).HasMaxLength(Token.HashLength).IsRequired();
        b.HasIndex(t => t.LongHash).IsUnique();
        b.HasIndex(t => t.ShortHash).IsUnique();
        b.HasIndex(t => new { t.CampaignId, t.RaterGroupId, t.State });
        b.HasIndex(t => t.BatchId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RaterGroup>().WithMany().HasForeignKey(t => t.RaterGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TokenBatch>().WithMany().HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TokenBatchConfiguration : IEntityTypeConfiguration<TokenBatch>
{
    public void Configure(EntityTypeBuilder<TokenBatch> b)
    {
        b.Property(t => t.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(t => t.CampaignId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RaterGroup>().WithMany().HasForeignKey(t => t.RaterGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotEntityConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        // Ids are random (Guid.NewGuid), never sequential, so their order says nothing about when a ballot came in.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ReceiptHash).HasMaxLength(Ballot.ReceiptHashLength).IsRequired();
        b.HasIndex(x => x.ReceiptHash);
        b.HasIndex(x => new { x.CampaignId, x.RaterGroupId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RaterGroup>().WithMany().HasForeignKey(x => x.RaterGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FormVersion>().WithMany().HasForeignKey(x => x.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BallotExclusion>().WithMany().HasForeignKey(x => x.ExclusionId).OnDelete(DeleteBehavior.Restrict);
        // The flagged-ballots page and recomputation read a campaign's ballots by flag and exclusion.
        b.HasIndex(x => new { x.CampaignId, x.Flags });
        b.HasIndex(x => x.ExclusionId);
    }
}

internal sealed class BallotAnswerConfiguration : IEntityTypeConfiguration<BallotAnswer>
{
    public void Configure(EntityTypeBuilder<BallotAnswer> b)
    {
        b.HasKey(a => new { a.BallotId, a.SubjectId, a.ItemId });
        b.Property(a => a.Text).HasMaxLength(FormItem.TextLengthLimit);
        b.HasIndex(a => new { a.SubjectId, a.ItemId });
        b.HasOne<CampaignSubject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FormItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(64);
    }
}
