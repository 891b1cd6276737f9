using GridBot.Dialogs.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class ReportSplitterTests
{
    private static readonly ReportSplitter Splitter = new(new KeywordTicketUnderstander(new TaxonomyProvider(Options.Create(new TicketOptions()))));

    [Theory]
    [InlineData("5栋电梯坏了，而且楼下垃圾也没人收", "5栋电梯坏了", "楼下垃圾也没人收")]
    [InlineData("电梯又停了，还有楼下垃圾没人收", "电梯又停了", "楼下垃圾没人收")]
    [InlineData("跟大家说一下，3号楼路灯不亮了。另外东门的井盖松动了很危险", "跟大家说一下，3号楼路灯不亮了", "东门的井盖松动了很危险")]
    [InlineData("8栋路灯不亮，另外门口井盖也松了", "8栋路灯不亮", "门口井盖也松了")]
    [InlineData("反映两个事：一是2栋楼道堆满杂物，二是晚上广场舞太吵了", "反映两个事：2栋楼道堆满杂物", "晚上广场舞太吵了")]
    public void TwoProblemsAreTwoParts(string text, string first, string second) =>
        Assert.Equal([first, second], Splitter.Split(text));

    [Theory]
    [InlineData("楼道灯坏了，而且好几天了")]
    [InlineData("垃圾桶满了，臭得很")]
    [InlineData("3号楼电梯坏了，困人了")]
    [InlineData("电梯坏了还有人被困在里面")]
    [InlineData("垃圾桶满了。臭死了")]
    [InlineData("各位邻居好，我是12栋3单元的业主，有个事想说一下。我们单元的电梯前天彻底停了，到今天已经三天了。物业说在等配件。")]
    public void OneProblemStaysOne(string text) =>
        Assert.Equal([text], Splitter.Split(text));

    [Fact]
    public void APartWithoutABuildingTakesItsSiblingsBuildingAndItsOwnSpot()
    {
        Assert.Equal("5栋", ReportSplitter.Anchor("5栋电梯"));
        Assert.Equal("楼下", ReportSplitter.Spot("楼下垃圾也没人收"));
        Assert.Null(ReportSplitter.Anchor("楼道"));
    }
}
