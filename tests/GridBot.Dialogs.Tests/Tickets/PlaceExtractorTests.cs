using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class PlaceExtractorTests
{
    [Theory]
    [InlineData("3号楼2单元楼道灯坏了好几天了", "3号楼2单元楼道")]
    [InlineData("五号楼一单元302漏水", "五号楼一单元302")]
    [InlineData("幸福路12号门口井盖丢了", "幸福路12号门口")]
    [InlineData("阳光花园东门的垃圾没人清", "阳光花园东门")]
    [InlineData("12栋3单元的电梯又坏了", "12栋3单元的电梯")]
    [InlineData("5号楼1单元", "5号楼1单元")]
    [InlineData("5号楼门口的路灯不亮了", "5号楼门口")]
    [InlineData("解放路23号门口的垃圾桶满了", "解放路23号门口")]
    [InlineData("和平路5号垃圾没人清运", "和平路5号")]
    [InlineData("长乐路128弄3号楼楼道灯坏了", "长乐路128弄3号楼楼道")]
    public void ThePlaceIsTakenAsTheResidentWroteIt(string text, string place) =>
        Assert.Equal(place, PlaceExtractor.Extract(text));

    [Theory]
    [InlineData("楼道灯坏了好几天了")]
    [InlineData("电梯又坏了")]
    [InlineData("谢谢")]
    // 弄 is a lane only after its number (128弄); "没人弄" is "nobody has dealt with it" (corpus scene urge-05).
    [InlineData("咋还没人弄嘞 都好几天了")]
    [InlineData("帮忙弄一下吧")]
    [InlineData("")]
    public void AGenericSpotAloneIsNotAPlace(string text) =>
        Assert.Null(PlaceExtractor.Extract(text));

    [Fact]
    public void HugeInputIsHandledQuickly() =>
        Assert.Equal("3号楼", PlaceExtractor.Extract("3号楼" + new string('啊', 1_000_000)));
}
