using GridBot.Store.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Coordination;

public sealed class InProcessActivityCacheTests
{
    [Fact]
    public async Task KeepsRecentRepliesAndForgetsOldOnesSoMemoryStaysBounded()
    {
        var cache = new InProcessActivityCache(new FakeTimeProvider());
        var total = InProcessActivityCache.GenerationSize * 3;
        for (var i = 0; i < total; i++)
        {
            await cache.SetRepliesAsync($"msg-{i}", $"[{i}]", CancellationToken.None);
            Assert.True(cache.Count <= InProcessActivityCache.GenerationSize * 2);
        }

        Assert.Null(await cache.GetRepliesAsync("msg-0", CancellationToken.None));
        Assert.Equal($"[{total - 1}]", await cache.GetRepliesAsync($"msg-{total - 1}", CancellationToken.None));
        // The generation before the newest still answers a retry of a message from a few thousand turns ago.
        var recentButRotated = total - InProcessActivityCache.GenerationSize - 1;
        Assert.Equal($"[{recentButRotated}]", await cache.GetRepliesAsync($"msg-{recentButRotated}", CancellationToken.None));
    }

    [Fact]
    public async Task SteadyTrafficHoldsOnlyTheLastTwoAgesOfReplies()
    {
        var time = new FakeTimeProvider();
        var cache = new InProcessActivityCache(time);
        // 20 turns a second for an hour, far below the count bound: only the age bound can keep this flat.
        var perMinute = 1_200;
        for (var minute = 0; minute < 60; minute++)
        {
            for (var i = 0; i < perMinute; i++)
            {
                await cache.SetRepliesAsync($"msg-{minute}-{i}", "[]", CancellationToken.None);
            }

            time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(cache.Count <= perMinute * InProcessActivityCache.GenerationAge.TotalMinutes * 2);
        }

        Assert.Equal("[]", await cache.GetRepliesAsync("msg-59-0", CancellationToken.None));
        Assert.Null(await cache.GetRepliesAsync("msg-10-0", CancellationToken.None));
    }

    [Fact]
    public async Task AfterALongQuietSpellNothingOldIsKept()
    {
        var time = new FakeTimeProvider();
        var cache = new InProcessActivityCache(time);
        await cache.SetRepliesAsync("msg-old", "[]", CancellationToken.None);
        time.Advance(InProcessActivityCache.GenerationAge * 3);

        Assert.Null(await cache.GetRepliesAsync("msg-old", CancellationToken.None));
        Assert.Equal(0, cache.Count);
    }
}
