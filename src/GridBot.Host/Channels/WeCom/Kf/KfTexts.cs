using GridBot.Store.Kf;

namespace GridBot.Host.Channels.WeCom.Kf;

internal static class KfTexts
{
    public const string ResidentName = "微信居民";

    public static string Welcome(string? gridName) =>
        $"您好！我是{(gridName is null ? "" : gridName + "的")}网格小助手。路灯坏了、垃圾没清、漏水、邻里纠纷，或者想问政策，"
        + "直接在这里用文字描述（最好说清楚地点），也可以发照片或位置，我会登记成工单并转给网格员，办好了再告诉您。需要找人时请发“转人工”。";

    public const string NoGrid =
        "您好！暂时不知道您住在哪个网格。请用社区张贴或群里分享的本网格二维码（链接）进入，这样您反映的问题能直接转给您的网格员。";

    public static string FollowUpNote(string reason) => $"微信客服无法再发送（{reason}），已转网格员电话或上门回访";

    public static string FollowUpTask(string? ticketNumber, string reason, string notice) =>
        $"【回访任务】{(ticketNumber is null ? "" : "工单 " + ticketNumber + " ")}居民通过微信客服反映的事项，现在{reason}，无法再在微信客服里通知居民。"
        + $"请电话或上门告知居民：\n{notice}";

    public static string Reason(KfUnreachable reason) => reason switch
    {
        KfUnreachable.WindowClosed => "已超过居民最后一条消息后的 48 小时",
        KfUnreachable.BudgetSpent => "已用完本条消息后可回复的 5 次",
        _ => "会话由网格员人工接待中",
    };

    public const string NoWorker = "抱歉，本网格暂时没有可以接待的网格员。您可以直接描述问题，我会登记成工单并转给网格员处理。";

    public static string WorkerUnavailable(string workerName) => $"网格员{workerName}暂时不在线，已请他尽快联系您。您也可以先在这里描述问题，我会登记下来。";

    public static string HandedOver(string workerName) => $"已为您转接网格员{workerName}，请稍候，接下来由他为您服务。";

    public const string HandedOverTask = "【微信客服】您网格的一位居民请求人工服务，会话已转给您，请在企业微信「微信客服」里接待；结束会话后会自动交回网格小助手。";

    public const string CallBackTask = "【微信客服】您网格的一位居民请求人工服务，但会话没能转给您（您可能不是该客服账号的接待人员或未在接待中），请在企业微信「微信客服」里联系居民。";
}
