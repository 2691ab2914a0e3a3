using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Data.Configurations;

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> b)
    {
        // Random, never generated in order: the id of a ballot's remark must not tell when it arrived.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(Opinion.TextMaxLength).IsRequired();
        b.Property(x => x.SourceNote).HasMaxLength(Opinion.SourceNoteMaxLength);
        b.Property(x => x.ReceiptHash).HasMaxLength(Domain.Ballots.Ballot.ReceiptHashLength);
        b.Property(x => x.Reply).HasMaxLength(Opinion.ReplyMaxLength);
        b.Property(x => x.RepliedBy).HasMaxLength(256);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => x.CampaignId);
        b.HasIndex(x => x.ReceiptHash);
        b.HasIndex(x => x.ProblemId);
        b.HasIndex(x => x.MergedIntoId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OpinionCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Opinion>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpinionCategoryConfiguration : IEntityTypeConfiguration<OpinionCategory>
{
    public void Configure(EntityTypeBuilder<OpinionCategory> b)
    {
        b.Property(x => x.Name).HasMaxLength(OpinionCategory.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.Property(x => x.Title).HasMaxLength(Problem.TitleMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(Problem.DescriptionMaxLength).IsRequired();
        b.Property(x => x.Reply).HasMaxLength(Problem.ReplyMaxLength);
        b.Property(x => x.RepliedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => x.CampaignId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OpinionCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Measures).WithOne().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.Property(x => x.Text).HasMaxLength(Measure.TextMaxLength).IsRequired();
        b.Property(x => x.ResponsiblePerson).HasMaxLength(Measure.PersonMaxLength).IsRequired();
        b.Property(x => x.Evidence).HasMaxLength(Measure.EvidenceMaxLength);
        // Every state change is an UPDATE … WHERE State = (what was read): the loser of a race saves nothing.
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => x.ResponsibleOrganizationId);
        b.HasIndex(x => new { x.State, x.Deadline });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.ResponsibleOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Verifications).WithOne().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureNoteConfiguration : IEntityTypeConfiguration<MeasureNote>
{
    public void Configure(EntityTypeBuilder<MeasureNote> b)
    {
        b.Property(x => x.Text).HasMaxLength(MeasureNote.TextMaxLength).IsRequired();
        b.Property(x => x.By).HasMaxLength(256).IsRequired();
    }
}

internal sealed class MeasureAttachmentConfiguration : IEntityTypeConfiguration<MeasureAttachment>
{
    public void Configure(EntityTypeBuilder<MeasureAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(MeasureAttachment.FileNameMaxLength).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(50).IsRequired();
        b.Property(x => x.StoredName).HasMaxLength(MeasureAttachment.StoredNameLength).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.StoredName).IsUnique();
    }
}

internal sealed class MeasureVerificationConfiguration : IEntityTypeConfiguration<MeasureVerification>
{
    public void Configure(EntityTypeBuilder<MeasureVerification> b)
    {
        b.Ignore(x => x.Passed);
        b.Property(x => x.InPlaceRemark).HasMaxLength(MeasureVerification.RemarkMaxLength);
        b.Property(x => x.ReasonableRemark).HasMaxLength(MeasureVerification.RemarkMaxLength);
        b.Property(x => x.EffectiveRemark).HasMaxLength(MeasureVerification.RemarkMaxLength);
        b.Property(x => x.By).HasMaxLength(256).IsRequired();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.VerifierOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CorrectionPlanConfiguration : IEntityTypeConfiguration<CorrectionPlan>
{
    public void Configure(EntityTypeBuilder<CorrectionPlan> b)
    {
        b.Property(x => x.Requirements).HasMaxLength(CorrectionPlan.TextMaxLength).IsRequired();
        b.Property(x => x.Report).HasMaxLength(CorrectionPlan.TextMaxLength);
        b.Property(x => x.Conclusion).HasMaxLength(CorrectionPlan.TextMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => x.ResponsibleOrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.ResponsibleOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OrganizationFlag>().WithMany().HasForeignKey(x => x.FlagId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ModelRecordConfiguration : IEntityTypeConfiguration<ModelRecord>
{
    public void Configure(EntityTypeBuilder<ModelRecord> b)
    {
        b.Property(x => x.Title).HasMaxLength(ModelRecord.TitleMaxLength).IsRequired();
        b.Property(x => x.Evidence).HasMaxLength(ModelRecord.TextMaxLength).IsRequired();
        b.Property(x => x.Deeds).HasMaxLength(ModelRecord.TextMaxLength).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OrganizationFlag>().WithMany().HasForeignKey(x => x.FlagId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(x => x.Date);
        b.Property(x => x.Note).HasMaxLength(CalendarDay.NoteMaxLength).IsRequired();
    }
}
