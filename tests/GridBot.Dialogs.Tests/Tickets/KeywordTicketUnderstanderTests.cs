using GridBot.Dialogs.Tickets;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class KeywordTicketUnderstanderTests
{
    private static readonly KeywordTicketUnderstander Understander = new(new TaxonomyProvider(Options.Create(new TicketOptions())));

    [Theory]
    [InlineData("谢谢")]
    [InlineData("好的！")]
    [InlineData("收到")]
    [InlineData("👍👍")]
    [InlineData("OK")]
    [InlineData("。。。")]
    public void CourtesiesAndEmojiAreNotReports(string text) =>
        Assert.False(Understander.Understand(text, "G").LooksLikeReport);

    [Theory]
    [InlineData("3号楼2单元楼道灯坏了好几天了", "民生服务")]
    [InlineData("小区东门垃圾好几天没人清运，臭得很", "环境卫生")]
    [InlineData("楼道里有人给电动车飞线充电，太危险了", "安全隐患")]
    [InlineData("楼上邻居天天半夜噪音扰民，沟通了也没用", "矛盾纠纷")]
    public void CategoryComesFromTheTaxonomyKeywords(string text, string category)
    {
        var understanding = Understander.Understand(text, "G");

        Assert.True(understanding.LooksLikeReport);
        Assert.Equal(category, understanding.Category);
        Assert.True(understanding.Confidence >= 0.55);
    }

    [Theory]
    [InlineData("5号楼有煤气味，好像漏气了")]
    [InlineData("电梯里有人被困了")]
    [InlineData("楼下着火了！")]
    [InlineData("我一个人在家 腿摔了 起不来了")]
    [InlineData("楼下 着 火了")]
    public void EmergenciesAreUrgent(string text) =>
        Assert.Equal(TicketUrgency.Urgent, Understander.Understand(text, "G").Urgency);

    [Theory]
    [InlineData("5栋2单元电梯确实坏了，我也被困过一次差点出不来")]
    [InlineData("这个插座以前漏电过，大家小心点")]
    public void APastScareIsNoEmergency(string text) =>
        Assert.Equal(TicketUrgency.Normal, Understander.Understand(text, "G").Urgency);

    [Fact]
    public void ADangerNowIsUrgentThoughAPastOneIsToldBesideIt() =>
        Assert.Equal(TicketUrgency.Urgent, Understander.Understand("上次被困过，现在又有人被困在电梯里了", "G").Urgency);

    [Theory]
    [InlineData("3号楼电梯困人了 快来", "被困")]
    [InlineData("5栋楼道里煤气味特别重", "燃气")]
    [InlineData("楼下冒烟了 好像着火了", "火情")]
    public void AnEmergencyTellsItsKindOfDanger(string text, string kind)
    {
        Assert.Equal(TicketUrgency.Urgent, Understander.Understand(text, "G").Urgency);
        Assert.Equal([kind], Understander.Dangers(text));
    }

    [Theory]
    [InlineData("救命啊 快来人")]
    [InlineData("我也被困过一次")]
    [InlineData("楼道灯坏了")]
    public void ACryForHelpAPastScareOrNoDangerNamesNoKind(string text) =>
        Assert.Empty(Understander.Dangers(text));

    [Theory]
    [InlineData("家里漏水、墙面开裂、厨卫翻新，找我们专业团队，上门免费检测！")]
    [InlineData("限时特价！小区电动车充电桩包安装，详询微信同号")]
    public void AdvertisementsAreNotReportsThoughFullOfProblemWords(string text) =>
        Assert.False(Understander.Understand(text, "G").LooksLikeReport);

    [Fact]
    public void OneSalesWordInAResidentsReportIsStillAReport() =>
        Assert.True(Understander.Understand("物业说可以免费上门，可是5栋水管漏了三天还没人来", "G").LooksLikeReport);

    [Fact]
    public void AnInputMethodSlipIsReadAsTheWordMeant()
    {
        var understanding = Understander.Understand("5栋电题又坏了 咋整啊", "G");

        Assert.Equal("民生服务", understanding.Category);
        Assert.True(understanding.Confidence >= 0.9);
    }
}
