using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class PlaceParserTests
{
    [Fact]
    public void APlaceIsSplitIntoEstateBuildingUnitAndRoom()
    {
        var detail = PlaceParser.Parse("阳光花园3号楼2单元502门口")!;

        Assert.Equal("阳光花园", detail.Estate);
        Assert.Equal("3号楼", detail.Building);
        Assert.Equal("2单元", detail.Unit);
        Assert.Equal("502", detail.Room);
        Assert.Equal("门口", detail.Landmark);
        Assert.Null(detail.Road);
    }

    [Fact]
    public void ARoadWithItsNumberAndAFloorAreKept()
    {
        var detail = PlaceParser.Parse("解放路23号6栋7层")!;

        Assert.Equal("解放路23号", detail.Road);
        Assert.Equal("6栋", detail.Building);
        Assert.Equal("7层", detail.Floor);
    }

    [Fact]
    public void NothingRecognisableGivesNoDetail() => Assert.Null(PlaceParser.Parse("那边"));
}
