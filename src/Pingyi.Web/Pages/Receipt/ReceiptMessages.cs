namespace Pingyi.Web.Pages.Receipt;

/// <summary>What the lookup says. One neutral message for every miss, whatever the reason.</summary>
public static class ReceiptMessages
{
    public const string Malformed = "回执码应为12位字母和数字（不含 0、1、I、O），短横线和空格可以不输，请核对后重新输入。";
    public const string Unknown = "未查到该回执码的记录，请核对后重新输入。回执码在提交评议或意见时显示，不区分大小写。";
    public const string Throttled = "查询次数过多，请稍后再试（约10分钟后）。";
    public const string Expired = "查询已过期，请重新输入回执码。";
}
