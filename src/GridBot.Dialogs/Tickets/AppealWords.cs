namespace GridBot.Dialogs.Tickets;

/// <summary>
/// The words that tell the five appeal types apart in how residents actually write (表扬一下李网格员, 建议多装几个
/// 充电桩, 帮忙看看我家老人, 低保怎么申请？). Matched on the normalised text; kinds, not example strings.
/// </summary>
internal static class AppealWords
{
    /// <summary>Praise on its own: these never describe a problem ("给网格员点个大大的赞", "赞一个", "竖大拇指").</summary>
    public static readonly string[] Praise =
    [
        "表扬", "点赞", "个赞", "大大的赞", "赞一个", "赞一下", "大拇指", "锦旗", "夸一下", "夸夸", "好评", "太负责了", "很负责", "非常负责",
        "尽职尽责", "热心肠",
    ];

    /// <summary>Thanks that are praise when they name someone who worked (谢谢李网格员帮我们…), not a bare 谢谢.</summary>
    public static readonly string[] Thanks = ["感谢", "谢谢", "多谢"];

    public static readonly string[] Workers = ["网格员", "网格长", "社区", "书记", "主任", "师傅", "物业", "工作人员", "志愿者", "民警", "保安", "保洁", "居委", "小哥", "大姐"];

    public static readonly string[] Suggestion =
    [
        "建议", "提个意见", "提议", "希望能", "希望可以", "希望社区", "希望物业", "能不能多", "可不可以多", "能否多", "能不能增加",
        "能不能加装", "能不能装", "能不能设", "可不可以装", "最好能", "要是能", "如果能", "多装", "多放", "多设", "增设", "加装", "增加几个",
    ];

    public static readonly string[] Help =
    [
        "求助", "帮帮", "帮忙", "帮一下", "帮我", "搭把手", "走丢", "走失", "独居", "没人照顾", "行动不便", "摔倒", "摔了", "需要帮助",
    ];

    /// <summary>How a question is asked.</summary>
    public static readonly string[] Interrogatives =
    [
        "怎么", "如何", "哪里", "哪儿", "在哪", "去哪", "什么时候", "几点", "多少", "多久", "需要什么", "要什么", "要带", "带什么",
        "能不能", "可不可以", "可以吗", "是否", "有没有", "吗", "呢", "？", "?", "请问", "咨询", "想问", "问一下", "问下", "流程", "手续", "条件",
    ];

    /// <summary>What residents ask a community about: services, papers, fees, schedules.</summary>
    public static readonly string[] ServiceTopics =
    [
        "申请", "办理", "办证", "补办", "补贴", "补助", "救助", "保险", "医保", "社保", "低保", "养老", "退休", "公积金", "户口", "户籍",
        "落户", "居住证", "身份证", "证明", "生育", "疫苗", "接种", "体检", "缴费", "交费", "缴纳", "报销", "政策", "材料", "盖章", "开具",
        "登记", "预约", "居委会", "社区", "网格员", "物业费", "停水", "停电", "停气", "垃圾分类", "充电桩", "老年", "残疾", "津贴", "入学",
        "上学", "报名", "小学", "幼儿园", "学位", "办事", "窗口", "服务中心", "上班时间", "开放时间", "费用", "标准",
    ];

    /// <summary>Asking about one's own report is progress or urging, not a question for the knowledge base.</summary>
    public static readonly string[] OwnReport = ["我报的", "我反映的", "我上次", "我之前报", "我前几天", "我昨天报", "反映的那个", "报的那个", "工单", "进度", "有人管吗", "怎么样了", "修了没", "处理了没"];

    /// <summary>Problem words that soften a sentence without naming a problem (感谢网格员及时处理, 居住证怎么办).</summary>
    public static readonly string[] SoftProblemWords = ["处理", "麻烦", "怎么办", "咋办", "好几天", "一直", "尽快", "赶紧", "快来", "无法", "掉", "烦"];
}
