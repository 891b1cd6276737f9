using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class PlaceMatchTests
{
    [Theory]
    [InlineData("三号楼电梯", "3号楼2单元电梯")]
    [InlineData("十二栋", "12号楼")]
    [InlineData("二十幢3单元", "20栋三单元")]
    [InlineData("５栋", "5栋")]
    [InlineData("一百零五栋", "105栋")]
    public void ChineseFullWidthAndArabicNumbersNameOneBuilding(string a, string b)
    {
        Assert.False(PlaceMatch.OtherUnit(PlaceParser.Parse(a), PlaceParser.Parse(b)));
        Assert.True(PlaceMatch.SameSpot(a, b));
    }

    [Fact]
    public void AnotherBuildingOrUnitIsAnotherPlace()
    {
        Assert.True(PlaceMatch.OtherBuilding(PlaceParser.Parse("9栋"), PlaceParser.Parse("6栋2单元")));
        Assert.False(PlaceMatch.OtherBuilding(PlaceParser.Parse("6栋3单元"), PlaceParser.Parse("6栋2单元")));
        Assert.True(PlaceMatch.OtherUnit(PlaceParser.Parse("6栋3单元"), PlaceParser.Parse("6栋2单元")));
        Assert.False(PlaceMatch.SameSpot("6栋3单元", "6栋2单元"));
    }

    [Theory]
    [InlineData("5栋一楼", "5栋楼道", true)]
    [InlineData("小区南门", "南门", true)]
    [InlineData("5栋2单元的电梯", "5栋2单元电梯", true)]
    [InlineData("幸福路12号", "幸福路口", false)]
    public void OneSpotIsTheSameBuildingOrOnePlaceHoldingTheOther(string a, string b, bool same) =>
        Assert.Equal(same, PlaceMatch.SameSpot(a, b));

    [Fact]
    public void APlaceNobodyNamedIsNoSpot()
    {
        Assert.False(PlaceMatch.SameSpot(null, "5栋"));
        Assert.False(PlaceMatch.OtherUnit(null, PlaceParser.Parse("5栋")));
    }
}
