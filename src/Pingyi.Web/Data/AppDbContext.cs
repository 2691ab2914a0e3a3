using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Publishing;
using Pingyi.Domain.Reports;
using Pingyi.Domain.Results;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Data;

/// <summary>
/// The one model of Pingyi. Each provider has a subclass with its own migrations; after changing
/// the model, add a migration to both with <c>scripts/add-migration.sh Name</c>, which runs
/// <c>dotnet ef migrations add Name --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite</c>
/// and the same for <c>PostgresAppDbContext</c> into Data/Migrations/Postgres.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PendingImport> PendingImports => Set<PendingImport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Form> Forms => Set<Form>();

    public DbSet<FormVersion> FormVersions => Set<FormVersion>();

    public DbSet<FormSection> FormSections => Set<FormSection>();

    public DbSet<FormItem> FormItems => Set<FormItem>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignSubject> CampaignSubjects => Set<CampaignSubject>();

    public DbSet<RaterGroup> RaterGroups => Set<RaterGroup>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Token> Tokens => Set<Token>();

    public DbSet<TokenBatch> TokenBatches => Set<TokenBatch>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<BallotAnswer> BallotAnswers => Set<BallotAnswer>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();

    public DbSet<PaperSlip> PaperSlips => Set<PaperSlip>();

    public DbSet<PaperEntry> PaperEntries => Set<PaperEntry>();

    public DbSet<StandingChannel> StandingChannels => Set<StandingChannel>();

    public DbSet<ResultAnswerCount> ResultAnswerCounts => Set<ResultAnswerCount>();

    public DbSet<ResultBallotCount> ResultBallotCounts => Set<ResultBallotCount>();

    public DbSet<BallotExclusion> BallotExclusions => Set<BallotExclusion>();

    public DbSet<MemberGradeDecision> MemberGradeDecisions => Set<MemberGradeDecision>();

    public DbSet<OrganizationFlag> OrganizationFlags => Set<OrganizationFlag>();

    public DbSet<Opinion> Opinions => Set<Opinion>();

    public DbSet<OpinionCategory> OpinionCategories => Set<OpinionCategory>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<MeasureNote> MeasureNotes => Set<MeasureNote>();

    public DbSet<MeasureAttachment> MeasureAttachments => Set<MeasureAttachment>();

    public DbSet<MeasureVerification> MeasureVerifications => Set<MeasureVerification>();

    public DbSet<CorrectionPlan> CorrectionPlans => Set<CorrectionPlan>();

    public DbSet<ModelRecord> ModelRecords => Set<ModelRecord>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit trail is append-only: no code path may rewrite what an auditor relies on.
    private void GuardAuditTrail()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }
    }
}
