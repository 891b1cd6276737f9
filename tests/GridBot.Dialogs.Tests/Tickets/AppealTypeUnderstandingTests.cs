using GridBot.Dialogs.Appeals;
using GridBot.Dialogs.Tickets;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tests.Tickets;

/// <summary>The appeal type as the understanding seam reads it from what residents really write.</summary>
public sealed class AppealTypeUnderstandingTests
{
    private static readonly KeywordTicketUnderstander Understander = new(new TaxonomyProvider(Options.Create(new TicketOptions())));

    [Theory]
    [InlineData("低保怎么申请？")]
    [InlineData("居住证怎么办？")]
    [InlineData("医保在哪里交？")]
    [InlineData("请问养老保险一年交多少钱")]
    [InlineData("垃圾分类怎么分啊")]
    [InlineData("社区服务中心周六上班吗？")]
    [InlineData("想问一下孩子上小学怎么报名")]
    public void QuestionsAboutServicesAreConsultationsAndNoReport(string text)
    {
        var understanding = Understander.Understand(text, "G");

        Assert.Equal(AppealType.Consultation, understanding.AppealType);
        Assert.False(understanding.LooksLikeReport);
    }

    [Theory]
    [InlineData("建议小区多装几个充电桩", AppealType.Suggestion)]
    [InlineData("能不能在广场多放几个长椅？", AppealType.Suggestion)]
    [InlineData("希望社区周末也能开放活动室", AppealType.Suggestion)]
    [InlineData("表扬一下李网格员", AppealType.Praise)]
    [InlineData("感谢王网格长帮我们把楼道灯修好了，点赞！", AppealType.Praise)]
    [InlineData("谢谢物业师傅这么快就来了", AppealType.Praise)]
    [InlineData("必须给网格员点个赞👍 垃圾站终于收拾干净了", AppealType.Praise)]
    [InlineData("赞一个！楼道终于亮堂了", AppealType.Praise)]
    public void SuggestionsAndPraiseAreTheirOwnKind(string text, AppealType type)
    {
        var understanding = Understander.Understand(text, "G");

        Assert.Equal(type, understanding.AppealType);
        Assert.False(understanding.LooksLikeReport);
    }

    [Theory]
    [InlineData("帮忙看看我家老人，一个人在家好几天没出门了")]
    [InlineData("求助：楼下独居的张奶奶摔倒了起不来")]
    public void RequestsForHelpAreFiledWithTheClock(string text)
    {
        var understanding = Understander.Understand(text, "G");

        Assert.Equal(AppealType.Help, understanding.AppealType);
        Assert.True(understanding.LooksLikeReport);
        Assert.True(understanding.Confidence >= 0.55);
    }

    [Theory]
    [InlineData("3号楼2单元楼道灯坏了好几天了")]
    [InlineData("建议赶紧修一下坏掉的路灯")]
    [InlineData("楼道灯坏了怎么办？")]
    [InlineData("怎么还没人来处理井盖啊？")]
    [InlineData("12栋电梯坏了一个礼拜都没人修，真要给物业点个赞")]
    [InlineData("我上次报的井盖修了没有")]
    [InlineData("表扬个啥，楼上漏水一个月了都没人管")]
    [InlineData("电梯里有人被困了")]
    public void ProblemsStayComplaints(string text) =>
        Assert.Equal(AppealType.Complaint, Understander.Understand(text, "G").AppealType);

    [Theory]
    [InlineData("今天吃什么？")]
    [InlineData("哈哈哈今天天气真好")]
    [InlineData("明天降温了大家注意保暖")]
    public void ChitChatIsNoAppealAtAll(string text)
    {
        var understanding = Understander.Understand(text, "G");

        Assert.Equal(AppealType.Complaint, understanding.AppealType);
        Assert.False(understanding.LooksLikeReport);
    }

    /// <summary>The fallback category's words (能不能, 希望) are ways of asking, not a topic a worker must answer.</summary>
    [Theory]
    [InlineData("今天能不能出去玩？")]
    [InlineData("大家周末可不可以一起去爬山？")]
    public void AskingWordsAloneMakeNoQuestionForAWorker(string text) =>
        Assert.NotEqual(AppealType.Consultation, Understander.Understand(text, "G").AppealType);

    [Theory]
    [InlineData("请问医保在哪里交？", "医保")]
    [InlineData("居住证怎么办理", "居住证")]
    [InlineData("低保怎么申请？", "低保")]
    public void TopicsLeaveTheWayOfAskingAndTheGenericWordsOut(string question, string topic) =>
        Assert.Equal(topic, QuestionTerms.Topics(question, 2)[0]);

    [Theory]
    [InlineData("医保在哪里交？", "医保怎么缴费？", "医保、医疗保险、交医保")]
    [InlineData("请问办低保需要什么材料", "低保怎么申请？", "低保、最低生活保障")]
    [InlineData("居住证怎么办？", "居住证怎么办理？", null)]
    public void AStoredAnswerMatchesTheQuestionInOtherWords(string asked, string stored, string? keywords) =>
        Assert.True(KnowledgeSearch.Score(KeywordTicketUnderstander.Normalize(asked), QuestionTerms.Core(asked), stored, keywords) >= KnowledgeSearch.GoodScore);

    [Theory]
    [InlineData("垃圾分类怎么分？", "医保怎么缴费？", "医保、医疗保险")]
    [InlineData("孩子上小学怎么报名", "低保怎么申请？", "低保")]
    public void AnUnrelatedEntryIsNoAnswer(string asked, string stored, string keywords) =>
        Assert.True(KnowledgeSearch.Score(KeywordTicketUnderstander.Normalize(asked), QuestionTerms.Core(asked), stored, keywords) < KnowledgeSearch.GoodScore);
}
