using GridBot.Store.Tickets;

namespace GridBot.Host.Demo;

/// <summary>What staff and residents wrote on the month's tickets: closures, answers, reasons.</summary>
internal static class DemoStaffWords
{
    public static readonly IReadOnlyDictionary<string, string[]> Resolutions = new Dictionary<string, string[]>
    {
        ["环境卫生"] = ["已联系保洁清运，现场已清理干净", "已通知物业安排专人清理，并加派了一次清运", "已疏通管道，现场消毒完毕"],
        ["民生服务"] = ["已联系维保单位维修，现已恢复使用", "已协调供水公司抢修，下午已恢复供水", "已上门登记，帮老人申请了助餐服务"],
        ["安全隐患"] = ["已现场劝导并清理飞线，张贴了安全提示", "已联系交警和物业挪车，并在通道口加装了禁停标识", "已拉警戒线，物业请施工队加固完毕"],
        ["社情民意"] = ["已和商户沟通，加装了油烟净化设备", "已与广场舞队协商，晚上九点前结束并调小音量", "已协调驿站调整摆放，门口通道已清空"],
        ["矛盾纠纷"] = ["已上门调解，双方达成一致并签了协议", "已约双方在社区调解室沟通，问题已解决", "已协调物业查明漏点，楼上已安排维修"],
    };

    private static readonly string[] QuestionAnswers =
    [
        "您好，已按社区服务中心的办理指南电话回复您，材料清单也发到群公告里了。",
        "您好，具体政策已转给社区工作人员，明天上午会联系您。",
    ];

    /// <summary>答复 as staff write it: a question is answered, a suggestion taken up, praise thanked.</summary>
    public static string AnswerTo(AppealType type, Random random) => type switch
    {
        AppealType.Suggestion => "感谢建议！已记录并报社区，下次居民议事会上讨论。",
        AppealType.Praise => "谢谢您的认可，我们会继续努力！",
        _ => QuestionAnswers[random.Next(QuestionAnswers.Length)],
    };

    public static readonly string[] UnsatisfiedReasons = ["修完第二天又坏了", "只是表面清了一下，味道还在", "说了处理，其实没人来过"];

    public static readonly string[] Urges = ["都好几天了怎么还没人来？", "这个问题还没解决，麻烦再催一下", "再不处理真要出事了，请尽快"];

    public static readonly string[] EscalationReasons = ["涉及物业与业委会，需要社区协调", "需要城管和市场监管一起处理，网格解决不了"];

    public const string WithdrawReason = "已经自己解决了，谢谢";
}
