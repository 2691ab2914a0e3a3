namespace Pingyi.Domain.Auditing;

/// <summary>The actions the audit trail records, with their Chinese names for the auditor's page.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string IdleSignOut = "idle-sign-out";
    public const string LockedOut = "locked-out";
    public const string Denied = "denied";
    public const string Setup = "setup";
    public const string AccountCreate = "account-create";
    public const string AccountUpdate = "account-update";
    public const string PasswordChange = "password-change";
    public const string OrganizationCreate = "organization-create";
    public const string OrganizationRename = "organization-update";
    public const string OrganizationMove = "organization-move";
    public const string OrganizationDeactivate = "organization-deactivate";
    public const string OrganizationReactivate = "organization-reactivate";
    public const string MemberCreate = "member-create";
    public const string MemberUpdate = "member-update";
    public const string Import = "import";
    public const string FormCreate = "form-create";
    public const string FormUpdate = "form-update";
    public const string FormNewVersion = "form-new-version";
    public const string FormArchive = "form-archive";
    public const string CampaignCreate = "campaign-create";
    public const string CampaignUpdate = "campaign-update";
    public const string CampaignDelete = "campaign-delete";
    public const string CampaignTransition = "campaign-transition";
    public const string CampaignExtend = "campaign-extend";
    public const string ApiKeyCreate = "api-key-create";
    public const string ApiKeyRevoke = "api-key-revoke";
    public const string TokensIssue = "tokens-issue";
    public const string TokensVoid = "tokens-void";
    public const string TokensDownload = "tokens-download";
    public const string TokensPurge = "tokens-purge";
    public const string MeetingCreate = "meeting-create";
    public const string MeetingUpdate = "meeting-update";
    public const string MeetingDelete = "meeting-delete";
    public const string MeetingPrint = "meeting-print";
    public const string PaperEntry = "paper-entry";
    public const string PaperResolve = "paper-resolve";
    public const string ChannelCreate = "channel-create";
    public const string ChannelUpdate = "channel-update";
    public const string MemberGradeDecide = "member-grade-decide";
    public const string OrganizationFlagDecide = "organization-flag-decide";
    public const string BallotExclude = "ballot-exclude";
    public const string BallotExclusionWithdraw = "ballot-exclusion-withdraw";
    public const string ResultsExport = "results-export";
    public const string ResultsRecount = "results-recount";
    public const string MeasureUrge = "measure-urge";
    public const string CorrectionPlanCreate = "correction-plan-create";
    public const string CorrectionPlanReport = "correction-plan-report";
    public const string CorrectionPlanClose = "correction-plan-close";
    public const string CorrectionPlanSendBack = "correction-plan-send-back";
    public const string ModelRecordCreate = "model-record-create";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [SignIn] = "登录",
        [SignOut] = "退出登录",
        [IdleSignOut] = "空闲超时退出",
        [LockedOut] = "账户锁定",
        [Denied] = "拒绝访问",
        [Setup] = "初始设置",
        [AccountCreate] = "创建账户",
        [AccountUpdate] = "修改账户",
        [PasswordChange] = "修改密码",
        [OrganizationCreate] = "新增组织",
        [OrganizationRename] = "修改组织",
        [OrganizationMove] = "移动组织",
        [OrganizationDeactivate] = "停用组织",
        [OrganizationReactivate] = "启用组织",
        [MemberCreate] = "新增人员",
        [MemberUpdate] = "修改人员",
        [Import] = "导入",
        [FormCreate] = "新建测评表",
        [FormUpdate] = "修改测评表",
        [FormNewVersion] = "测评表新版本",
        [FormArchive] = "停用测评表",
        [CampaignCreate] = "新建评议活动",
        [CampaignUpdate] = "修改评议方案",
        [CampaignDelete] = "删除评议活动草稿",
        [CampaignTransition] = "评议活动状态变更",
        [CampaignExtend] = "延长评议期",
        [ApiKeyCreate] = "创建API密钥",
        [ApiKeyRevoke] = "吊销API密钥",
        [TokensIssue] = "生成评议码",
        [TokensVoid] = "作废评议码",
        [TokensDownload] = "下载评议码",
        [TokensPurge] = "清除评议码明文",
        [MeetingCreate] = "登记评议会",
        [MeetingUpdate] = "修改评议会",
        [MeetingDelete] = "删除评议会",
        [MeetingPrint] = "打印纸质测评表",
        [PaperEntry] = "录入纸质测评票",
        [PaperResolve] = "处理双人录入不一致",
        [ChannelCreate] = "新建平时评议二维码",
        [ChannelUpdate] = "修改平时评议二维码",
        [MemberGradeDecide] = "评定党员等次",
        [OrganizationFlagDecide] = "认定软弱涣散或先进典型",
        [BallotExclude] = "排除可疑测评票",
        [BallotExclusionWithdraw] = "撤销排除测评票",
        [ResultsExport] = "导出评议结果",
        [ResultsRecount] = "重新统计评议结果",
        [MeasureUrge] = "督办整改措施",
        [CorrectionPlanCreate] = "制定限期改正",
        [CorrectionPlanReport] = "报告限期改正情况",
        [CorrectionPlanClose] = "限期改正验收",
        [CorrectionPlanSendBack] = "退回限期改正",
        [ModelRecordCreate] = "记录先进典型",
    };

    public static string NameOf(string action) => Names.TryGetValue(action, out var n) ? n : action;

    public static string NameOf(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "成功",
        AuditOutcome.Failure => "失败",
        AuditOutcome.Denied => "拒绝",
        _ => outcome.ToString(),
    };
}
