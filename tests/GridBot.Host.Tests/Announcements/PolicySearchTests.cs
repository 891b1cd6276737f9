using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Announcements;

public sealed class PolicySearchTests
{
    [Fact]
    public async Task PolicyFindsAnnouncementsOfTheGridAndItsAncestorsByTwoAndLongerKeywords()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        await AnnouncementApi.PublishAsync(host, "2027年度城乡居民医保缴费通知", "缴费时间为即日起至12月31日，可通过社区服务站或手机银行缴纳。", ["DEMO-S01"], false, ct);
        await AnnouncementApi.PublishAsync(host, "高龄老人养老服务补贴申领", "80周岁以上老人可申领养老服务补贴，请携带身份证和户口本到社区办理。", ["DEMO-S01-C01"], false, ct);
        await AnnouncementApi.PublishAsync(host, "和平社区低保复核", "低保家庭年度复核材料请于本月底前提交。", ["DEMO-S01-C02"], false, ct);
        var resident = Person.Resident("周");
        var group = host.Chat("demo-c01-g03");

        var twoChars = (await group.SayAsync(resident, "政策 医保", ct)).Text;
        var longer = (await group.SayAsync(resident, "/policy 养老服务补贴", ct)).Text;
        var both = (await group.SayAsync(resident, "政策 补贴 身份证", ct)).Text;
        var otherCommunity = (await group.SayAsync(resident, "政策 低保", ct)).Text;

        Assert.Contains("找到 1 条", twoChars);
        Assert.Contains("城乡居民医保缴费通知", twoChars);
        Assert.Contains("年", twoChars);
        Assert.Contains("高龄老人养老服务补贴申领", longer);
        Assert.Contains("可申领养老服务补贴", longer);
        Assert.Contains("高龄老人养老服务补贴申领", both);
        Assert.Contains("没有找到", otherCommunity);
        Assert.Contains("和平社区低保复核", (await host.Chat("demo-c02-g01").SayAsync(Person.Resident("吴"), "政策 低保", ct)).Text);
    }

    [Fact]
    public async Task AWithdrawnAnnouncementNoLongerAnswersAndItsChatsAreTold()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", ["DEMO-S01-C01-G01"], false, ct);
        await AnnouncementPublishTests.WaitUntilSentAsync(host, number, 1, ct);
        var group = host.Chat("demo-c01-g01");
        Assert.Contains("医保缴费通知", (await group.SayAsync(Person.Resident("刘"), "政策 医保", ct)).Text);

        var refused = await host.Chat("demo-c01-g02").SayAsync(Person.LeaderChen, $"撤回 {number}", ct);
        var withdrawn = await host.Chat("demo-c01-staff").SayAsync(Person.CommunityZhao, $"撤回 {number}", ct);

        Assert.Contains("只有发布人", refused.Text);
        Assert.Contains($"已撤回公告 {number}", withdrawn.Text);
        Assert.Contains("没有找到", (await group.SayAsync(Person.Resident("刘"), "政策 医保", ct)).Text);
        var (_, detail) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", ct);
        Assert.Equal("Withdrawn", detail.GetProperty("status").GetString());
        Assert.Equal(1, await host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Outbox, o => o.ConversationId == "demo-c01-g01" && o.Text.Contains("已撤回"), ct)));
    }
}
