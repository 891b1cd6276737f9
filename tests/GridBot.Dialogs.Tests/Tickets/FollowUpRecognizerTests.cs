using GridBot.Dialogs.Tickets.FollowUps;

namespace GridBot.Dialogs.Tests.Tickets;

/// <summary>Residents' follow-ups in their own words (typos and all), and reports and banter that are none.</summary>
public sealed class FollowUpRecognizerTests
{
    [Theory]
    [InlineData("我上次报的井盖修了没有", "井盖", true)]
    [InlineData("我前几天反映的那个漏水有人管吗", "漏水", true)]
    [InlineData("我昨天报的路灯怎么样了？", "路灯", true)]
    [InlineData("井盖怎么样了", "井盖", true)]
    [InlineData("楼道灯修好了吗", "楼道灯", false)]
    [InlineData("进度怎么样", "", true)]
    [InlineData("那个垃圾有人处理没有", "垃圾", false)]
    [InlineData("我反映的事有结果了吗", "", true)]
    [InlineData("漏水的事什么时候能修啊", "漏水", false)]
    public void ProgressQuestions(string text, string topic, bool isExplicit)
    {
        var request = FollowUpRecognizer.Recognize(text);

        Assert.NotNull(request);
        Assert.Equal(FollowUpKind.Progress, request.Kind);
        Assert.Equal(topic, request.Topic);
        Assert.Equal(isExplicit, request.Explicit);
    }

    [Theory]
    [InlineData("怎么还没人来处理井盖啊？", "井盖", false)]
    [InlineData("都三天了怎么还没人来", "", false)]
    [InlineData("麻烦催一下", "", true)]
    [InlineData("帮我催催那个漏水", "漏水", true)]
    [InlineData("我上次报的井盖到底什么时候修，都一个星期了", "井盖", true)]
    [InlineData("咋还没人管啊", "", false)]
    [InlineData("等了好几天了还是没人来修路灯", "路灯", false)]
    [InlineData("咋还没人弄嘞 都好几天了", "", false)]
    [InlineData("怎么还没人来清啊", "", false)]
    [InlineData("咋还没人来收啊啊啊 都俩天了", "", false)]
    [InlineData("再催一下！到底有没有人管😡", "", true)]
    [InlineData("2栋门口又堆垃圾了 咋还没人管", "2栋门口堆垃圾", false)]
    [InlineData("快来人啊 电梯还卡着", "电梯卡着", false)]
    [InlineData("味道越来越大了 人呢？？", "味道越越大", false)]
    [InlineData("都两天了莫得人管嗦[发怒]", "", false)]
    [InlineData("下水道一直没得人来修[捂脸]", "下水道", false)]
    public void Urges(string text, string topic, bool isExplicit)
    {
        var request = FollowUpRecognizer.Recognize(text);

        Assert.NotNull(request);
        Assert.Equal(FollowUpKind.Urge, request.Kind);
        Assert.Equal(topic, request.Topic);
        Assert.Equal(isExplicit, request.Explicit);
    }

    [Theory]
    [InlineData("不对，是8栋门口", null, "8栋门口", true)]
    [InlineData("说错了，是6栋不是5栋", "5栋", "6栋", true)]
    [InlineData("不是路灯是楼道灯", "路灯", "楼道灯", false)]
    [InlineData("不是路灯，是楼道灯", "路灯", "楼道灯", false)]
    [InlineData("打错了 应该是3单元", null, "3单元", true)]
    [InlineData("搞错了，在幸福路12号", null, "幸福路12号", true)]
    [InlineData("是7号楼不是1号楼啊", "1号楼", "7号楼", false)]
    [InlineData("哦不对不对 是12栋的电梯", null, "12栋的电梯", true)]
    [InlineData("额 不对不对，是12号楼的电梯", null, "12号楼的电梯", true)]
    public void Corrections(string text, string? wrong, string right, bool isExplicit)
    {
        var request = FollowUpRecognizer.Recognize(text);

        Assert.NotNull(request);
        Assert.Equal(FollowUpKind.Correct, request.Kind);
        Assert.Equal(new CorrectionText(wrong, right), request.Correction);
        Assert.Equal(isExplicit, request.Explicit);
    }

    [Theory]
    [InlineData("不用了，已经好了", false)]
    [InlineData("物业修好了，撤了吧", true)]
    [InlineData("我自己弄好了，不用来了", false)]
    [InlineData("撤回我的工单", true)]
    [InlineData("井盖已经修好了，取消吧", true)]
    public void Withdrawals(string text, bool isExplicit)
    {
        var request = FollowUpRecognizer.Recognize(text);

        Assert.NotNull(request);
        Assert.Equal(FollowUpKind.Withdraw, request.Kind);
        Assert.Equal(isExplicit, request.Explicit);
    }

    [Theory]
    [InlineData("3号楼2单元楼道灯坏了")]
    [InlineData("门口那个垃圾桶满出来了")]
    [InlineData("谢谢")]
    [InlineData("好的")]
    [InlineData("哈哈哈今天天气真好")]
    [InlineData("今天的菜好贵啊")]
    [InlineData("明天降温了大家注意保暖")]
    [InlineData("低保怎么申请？")]
    [InlineData("收到")]
    [InlineData("")]
    public void ReportsQuestionsAndBanterAreNoFollowUp(string text)
    {
        Assert.Null(FollowUpRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("不对劲啊 楼道里一股烧焦味")]
    [InlineData("哦对了 3栋门口路灯也不亮")]
    public void SomethingWrongOrAnAfterthoughtIsNoCorrection(string text)
    {
        Assert.NotEqual(FollowUpKind.Correct, FollowUpRecognizer.Recognize(text)?.Kind);
    }

    [Fact]
    public void AQuestionWhetherItIsFixedIsNoWithdrawal()
    {
        Assert.Equal(FollowUpKind.Progress, FollowUpRecognizer.Recognize("已经修好了吗？")?.Kind);
    }
}
