using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Replies;

/// <summary>
/// 反馈: the problem's handling result, written by the owner's side only (an organisation that
/// merely carries out one of its measures sees the problem but does not answer for it).
/// The audit row names the problem, never an opinion, its text or a receipt.
/// </summary>
public sealed class ReplyCommands(AppDbContext db, OrgScope scope, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const string NotOwner = "只有问题所属组织（或其上级）可以填写反馈。";

    /// <summary>Whether the caller answers for the problem: its owner lies in the caller's subtree.</summary>
    public async Task<bool> CanWriteAsync(Problem problem) =>
        await (await scope.OrganizationsAsync()).AnyAsync(o => o.Id == problem.OrganizationId);

    public async Task<CommandResult> SaveAsync(int problemId, string? text)
    {
        var problem = await scope.FindProblemAsync(problemId);
        if (problem is null)
        {
            return CommandResult.Missing;
        }
        var id = problemId.ToString(CultureInfo.InvariantCulture);
        if (!await CanWriteAsync(problem))
        {
            await audit.WriteAsync(AuditActions.Denied, AuditOutcome.Denied, "Problem", id, $"{NotOwner}（反馈）");
            return CommandResult.Fail(NotOwner);
        }
        var reply = text?.Trim() ?? "";
        if (reply.Length == 0)
        {
            return CommandResult.Fail("请填写反馈内容。");
        }
        if (reply.Length > Problem.ReplyMaxLength)
        {
            return CommandResult.Fail($"反馈内容不能超过{Problem.ReplyMaxLength}字（现有{reply.Length}字）。");
        }
        var revised = problem.Reply is not null;
        problem.Reply = reply;
        problem.RepliedOn = CampaignPlan.Today(clock);
        problem.RepliedBy = http.UserName();
        audit.Add(AuditActions.ProblemReply, AuditOutcome.Success, "Problem", id, revised ? "修改反馈" : "填写反馈");
        await db.SaveChangesAsync();
        return CommandResult.Ok(problem.Id);
    }
}
