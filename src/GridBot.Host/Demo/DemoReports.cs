using GridBot.Store.Tickets;

namespace GridBot.Host.Demo;

/// <summary>
/// What residents of the demo grids said over the month, in their own words: every category of the default taxonomy
/// and every appeal type. Phones are written masked, as residents' numbers are on every way out.
/// </summary>
internal static class DemoReports
{
    private const string Sanitation = "环境卫生";
    private const string Services = "民生服务";
    private const string Safety = "安全隐患";
    private const string Opinion = "社情民意";
    private const string Dispute = "矛盾纠纷";

    public static readonly IReadOnlyList<DemoReport> Work =
    [
        new(Sanitation, AppealType.Complaint, "3号楼楼下垃圾桶满了两天没人清，味道很大，苍蝇到处飞", "3号楼楼下"),
        new(Sanitation, AppealType.Complaint, "小区东门那边有人乱倒装修垃圾，堆得路都走不了了", "小区东门"),
        new(Sanitation, AppealType.Complaint, "5号楼2单元楼道里一直有股臭味，好像是下水道返味", "5号楼2单元"),
        new(Sanitation, AppealType.Complaint, "幸福路88号门口的窨井盖往外冒污水，路过的人都绕着走", "幸福路88号门口"),
        new(Sanitation, AppealType.Complaint, "7号楼后面绿化带里狗屎太多了，孩子都没法在那玩", "7号楼后面绿化带"),
        new(Sanitation, AppealType.Complaint, "菜市场旁边的公厕很久没打扫了，麻烦安排一下", "菜市场旁边公厕"),
        new(Services, AppealType.Help, "12号楼电梯又坏了，我家老人住9楼下不来，麻烦尽快修一下", "12号楼"),
        new(Services, AppealType.Complaint, "2号楼从早上开始停水，到现在还没来，也没看到通知", "2号楼"),
        new(Services, AppealType.Complaint, "8号楼门口的路灯坏了一个礼拜了，晚上黑乎乎的", "8号楼门口"),
        new(Services, AppealType.Help, "我妈一个人住6号楼301，腿脚不方便，想问问能不能帮忙申请助餐", "6号楼301"),
        new(Services, AppealType.Complaint, "暖气片不热，家里才16度，1号楼好几户都这样", "1号楼"),
        new(Services, AppealType.Help, "独居的刘奶奶两天没下楼了，敲门也没人应，能不能来看看（家属电话139****2851）", "4号楼1单元"),
        new(Safety, AppealType.Complaint, "9号楼楼道里好几辆电动车在充电，电线从窗户拉出来的，太危险了", "9号楼楼道"),
        new(Safety, AppealType.Complaint, "小区北门消防通道又被私家车堵死了，消防车根本进不来", "小区北门消防通道"),
        new(Safety, AppealType.Complaint, "10号楼外墙瓷砖松了，昨天掉下来一块，差点砸到人", "10号楼外墙"),
        new(Safety, AppealType.Complaint, "3号楼顶楼的消防栓箱子是空的，灭火器也过期了", "3号楼顶楼"),
        new(Safety, AppealType.Complaint, "地下车库入口的减速带翻了，钉子露在外面", "地下车库入口"),
        new(Safety, AppealType.Complaint, "11号楼一楼有股很重的煤气味，大家都不敢开火", "11号楼一楼", TicketUrgency.Urgent),
        new(Opinion, AppealType.Complaint, "小区里的健身器材坏了好几个，老人锻炼都没地方", "小区中心花园"),
        new(Opinion, AppealType.Complaint, "菜鸟驿站门口每天堆满快递，人都过不去，希望管一管", "菜鸟驿站门口"),
        new(Opinion, AppealType.Complaint, "南门新开的烧烤店油烟直接排到我们楼里，窗都不敢开", "南门烧烤店"),
        new(Opinion, AppealType.Complaint, "广场舞音响放到晚上十点多，第二天还要上班，实在受不了", "中心广场"),
        new(Dispute, AppealType.Complaint, "楼上装修天天早上七点就开始砸墙，跟他们说了也不听", "5号楼602"),
        new(Dispute, AppealType.Complaint, "楼上卫生间漏水漏到我家天花板，找了好几次都说不是他们的问题", "2号楼401"),
        new(Dispute, AppealType.Complaint, "隔壁把公共走廊堆满了杂物，还装了个铁门，我们进出很不方便", "7号楼3楼走廊"),
        new(Dispute, AppealType.Help, "车位被人长期占着，物业说管不了，想请网格员帮忙协调", "地下车库B区"),
        new(Dispute, AppealType.Complaint, "邻居家的狗天天半夜叫，敲门沟通过两次了还是老样子", "6号楼2单元"),
    ];

    public static readonly IReadOnlyList<DemoReport> Questions =
    [
        new(Services, AppealType.Consultation, "请问今年的城乡居民医保在哪里交？截止到什么时候？", null),
        new(Services, AppealType.Consultation, "我爸今年满80了，高龄津贴要准备什么材料？", null),
        new(Services, AppealType.Consultation, "孩子上学要开居住证明，社区周六上班吗？", null),
        new(Opinion, AppealType.Consultation, "听说小区要加装电梯，是真的吗？要业主出多少钱？", null),
        new(Services, AppealType.Consultation, "新生儿上户口去哪里办，要带哪些东西？", null),
        new(Opinion, AppealType.Suggestion, "建议在3号楼北侧车棚多装几个电动车充电桩，现在晚上根本排不上", "3号楼北侧车棚"),
        new(Opinion, AppealType.Suggestion, "建议小区门口加个快递柜，驿站太挤了", "小区门口"),
        new(Sanitation, AppealType.Suggestion, "垃圾分类投放点能不能晚上多开一个小时，下班回来都关了", "垃圾分类投放点"),
        new(Opinion, AppealType.Suggestion, "希望社区周末能办点老年人用智能手机的培训", null),
        new(Opinion, AppealType.Praise, "感谢李明上周帮我家老人修好了水龙头，网格员真负责！", null),
        new(Services, AppealType.Praise, "电梯这次修得很快，点赞物业和网格员", "12号楼"),
        new(Opinion, AppealType.Praise, "社区组织的义诊很好，我妈量了血压还拿了药，谢谢大家", null),
    ];
}
