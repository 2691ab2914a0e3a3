using Pingyi.Domain.Ballots;

namespace Pingyi.Web.Features.Ballots;

public static class CodeLabels
{
    public static string Of(TokenBatchState state) => state switch
    {
        TokenBatchState.Generating => "生成中",
        TokenBatchState.Ready => "已生成",
        TokenBatchState.Purged => "明文已清除",
        TokenBatchState.Failed => "生成未完成",
        _ => state.ToString(),
    };
}
