using GridBot.FakeWeCom;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.CustomerGroups;

namespace GridBot.Host.Tests.CustomerGroups;

/// <summary>Customer groups on the fake and a group that has used up its month of mass-sends.</summary>
internal static class CustomerGroupFixture
{
    public const string Owner = "wecom-leader-wang";

    public static FakeGroupChat Group(string chatId) => new()
    {
        ChatId = chatId, Name = "幸福里居民群" + chatId, Owner = Owner,
        Members = [new FakeGroupChatMember { Userid = Owner, Type = 1 }, new FakeGroupChatMember { Userid = "wm" + chatId }],
    };

    /// <summary>Gives the group as many earlier mass-sends this Beijing month as the month has days; returns that cap.</summary>
    public static Task<int> FillMonthlyCapAsync(GridBotTestHost host, string chatId, DateTime nowUtc, CancellationToken cancellationToken) =>
        host.QueryAsync(async db =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var days = DateTime.DaysInMonth(local.Year, local.Month);
            for (var i = 0; i < days; i++)
            {
                var earlier = new GroupMessageTask { OutboxMessageId = -1, OwnerUserId = Owner, WeComMsgid = $"old{i}", CreatedUtc = nowUtc, Status = GroupMessageStatus.Sent };
                earlier.Chats.Add(new GroupMessageTaskChat { ChatId = chatId });
                db.GroupMessageTasks.Add(earlier);
            }

            await db.SaveChangesAsync(cancellationToken);
            return days;
        });
}
