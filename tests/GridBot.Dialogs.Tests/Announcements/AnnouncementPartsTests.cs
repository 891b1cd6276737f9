using System.Text;
using GridBot.Dialogs.Announcements;

namespace GridBot.Dialogs.Tests.Announcements;

public sealed class AnnouncementPartsTests
{
    private const string Footer = "—— 赵书记 发布于 11月23日 10:00";

    [Fact]
    public void AShortBodyIsOneMessageWithoutACounter()
    {
        var part = Assert.Single(AnnouncementParts.Render(7, "停水通知", "周三停水。", Footer, 4096));

        Assert.Equal($"【公告 7】停水通知\n周三停水。\n{Footer}", part);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(1024)]
    public void OneHugeLineIsCutBetweenCharactersIntoPartsThatFitAndJoinBackToTheBody(int limit)
    {
        // Three-byte hanzi mixed with four-byte emoji (surrogate pairs), on one line with no break to cut at.
        var body = string.Concat(Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "👍" : "政"));

        var parts = AnnouncementParts.Render(12, "长文", body, Footer, limit);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= limit, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        Assert.All(parts, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        var bodies = parts.Select((p, i) => p.Split('\n', 2)[1]).ToList();
        bodies[^1] = bodies[^1][..^(Footer.Length + 1)];
        Assert.Equal(body, string.Concat(bodies));
        Assert.StartsWith($"【公告 12】长文（1/{parts.Count}）\n", parts[0]);
        Assert.EndsWith(Footer, parts[^1]);
    }
}
