using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop;

namespace Pingyi.Web.Demo;

/// <summary>
/// Last year's system-wide round is on public notice (公示): published two days ago for the default
/// five working days, so a visitor can still lodge an objection, with one objection answered (its
/// receipt <see cref="SampleReceipt"/> is printed in the README) and one waiting for an answer.
/// </summary>
public static class DemoPublication
{
    /// <summary>The receipt of the answered demo objection, typed on /Receipt.</summary>
    public const string SampleReceipt = "PYDEGSHX6789";

    public static async Task EnsureAsync(AppDbContext db, byte[] tokenKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.Publications.AnyAsync(cancellationToken))
        {
            return;
        }
        var campaign = await db.Campaigns.Include(c => c.Organization).Include(c => c.Subjects).ThenInclude(s => s.Organization)
            .Where(c => c.State == CampaignState.Closed && c.RaterGroups.Any(g => g.Kind == RaterGroupKind.ServiceRecipient))
            .OrderBy(c => c.Year).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return;
        }
        var today = DateOnly.FromDateTime(nowUtc);
        var startsOn = today.AddDays(-2);
        var calendar = await Calendars.LoadAsync(db);
        var (publication, error) = PublicationRules.Publish(campaign, hasActive: false,
            "如对公示结果有异议，可在公示期内通过本页提出（可匿名），也可来信来电反映：市卫生局办公室，电话 0000-1234567。",
            Publication.DefaultNoticeDays, showProblems: true, DemoData.AdminUserName, startsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            startsOn, calendar);
        if (publication is null)
        {
            throw new InvalidOperationException(error);
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Publications.Add(publication);
        await db.SaveChangesAsync(cancellationToken);

        var township = campaign.Subjects.FirstOrDefault(s => s.Organization?.Code == "QSWSY") ?? campaign.Subjects.First();
        db.Objections.Add(new Objection
        {
            Id = Guid.NewGuid(),
            PublicationId = publication.Id,
            SubjectId = township.Id,
            Text = "公示的青山镇卫生院满意率偏低，是否把外地就诊的票也算进去了？希望核实。",
            ReceivedOn = startsOn.AddDays(1),
            ReceiptHash = TokenCodes.Hash(tokenKey, SampleReceipt),
            State = ObjectionState.Dismissed,
            Answer = "经核实，统计只计入青山镇卫生院服务对象的有效测评票，无效票和平时扫码票均未计入满意率。统计无误，异议不成立。感谢您的监督。",
            AnsweredOn = startsOn.AddDays(1),
            AnsweredBy = DemoData.AdminUserName,
        });
        db.Objections.Add(new Objection
        {
            Id = Guid.NewGuid(),
            PublicationId = publication.Id,
            Text = "建议公示时同时公布各单位的整改措施完成时限，方便群众监督。",
            ReceivedOn = today,
            ReceiptHash = TokenCodes.Hash(tokenKey, TokenCodes.NewReceipt()),
        });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
