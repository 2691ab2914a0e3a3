using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Features.Publishing;

/// <summary>The outcome of lodging an objection: the 回执码, or why nothing was stored.</summary>
public sealed record ObjectionResult(string? Receipt = null, string? Error = null, bool Throttled = false, bool NotFound = false);

/// <summary>
/// 异议: lodged by anyone on a public notice during its period. As anonymous as a ballot's remark:
/// nothing is audited or logged, the row keeps the day only and the keyed hash of its receipt.
/// </summary>
public sealed class ObjectionBox(AppDbContext db, PublicNotices notices, TokenKey key, TimeProvider clock)
{
    /// <param name="admit">Takes one of the address's allowance; asked only once the objection is acceptable.</param>
    public async Task<ObjectionResult> LodgeAsync(int publicationId, int? subjectId, string? text, Func<bool> admit)
    {
        ArgumentNullException.ThrowIfNull(admit);
        if (await notices.FindAsync(publicationId) is not { } found)
        {
            return new ObjectionResult(NotFound: true);
        }
        var today = CampaignPlan.Today(clock);
        if (!PublicationRules.AcceptsObjections(found.Publication, today))
        {
            return new ObjectionResult(Error: PublicationRules.OutsidePeriod);
        }
        if (PublicationRules.CheckObjectionText(text) is { } error)
        {
            return new ObjectionResult(Error: error);
        }
        if (subjectId is { } sid && !await db.CampaignSubjects.AnyAsync(s => s.Id == sid && s.CampaignId == found.Campaign.Id))
        {
            return new ObjectionResult(Error: "请从列表中选择异议涉及的评议对象，或不选。");
        }
        if (!admit())
        {
            return new ObjectionResult(Throttled: true);
        }
        var receipt = TokenCodes.NewReceipt();
        db.Objections.Add(new Objection
        {
            Id = Guid.NewGuid(),
            PublicationId = publicationId,
            SubjectId = subjectId,
            Text = text!.Trim(),
            ReceivedOn = today,
            ReceiptHash = await key.HashAsync(receipt),
        });
        await db.SaveChangesAsync();
        return new ObjectionResult(Receipt: receipt);
    }
}
