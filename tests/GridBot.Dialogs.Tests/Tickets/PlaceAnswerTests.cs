using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class PlaceAnswerTests
{
    [Theory]
    [InlineData("在5栋", "5栋")]
    [InlineData("8栋门口", "8栋门口")]
    [InlineData("小区东门那边", "小区东门")]
    [InlineData("就在3号楼2单元呀", "3号楼2单元")]
    [InlineData("2单元门口", "2单元门口")]
    [InlineData("幸福路12号", "幸福路12号")]
    [InlineData("楼下", "楼下")]
    [InlineData("在5栋，麻烦尽快处理一下", "5栋")]
    [InlineData("502", "502")]
    [InlineData("小区南门口进来右手边", "小区南门口进来右手边")]
    public void AShortReplyNamingABuildingRoadOrLandmarkIsAPlace(string reply, string place) =>
        Assert.Equal(place, PlaceAnswer.Read(reply, isReport: false));

    [Theory]
    [InlineData("今天的菜好贵啊")]
    [InlineData("哈哈哈今天天气真好")]
    [InlineData("明天降温了大家注意保暖")]
    [InlineData("楼下超市的菜好贵")]
    [InlineData("好的")]
    [InlineData("在吗")]
    [InlineData("[表情]")]
    [InlineData("不知道啊，你们自己去看看吧，反正就是很脏很乱很差劲的那种地方")]
    public void SomebodysSentenceIsNotAPlace(string reply) =>
        Assert.Null(PlaceAnswer.Read(reply, isReport: false));

    [Fact]
    public void ANewReportIsNotAnAnswerEvenWithAPlaceInIt() =>
        Assert.Null(PlaceAnswer.Read("3栋电梯也坏了", isReport: true));

    [Theory]
    [InlineData("5栋", "2单元门口", "5栋2单元门口")]
    [InlineData("5栋2单元", "2单元", "5栋2单元")]
    [InlineData(null, "3栋", "3栋")]
    [InlineData("5栋", "5栋2单元", "5栋2单元")]
    public void PiecesJoinUp(string? place, string piece, string joined) =>
        Assert.Equal(joined, PlaceAnswer.Join(place, piece));
}
