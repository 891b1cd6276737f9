using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Tickets.FollowUps;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tests.Tickets;

/// <summary>The follow-up options' limits, how a correction lands on a place, and which own ticket a follow-up means.</summary>
public sealed class FollowUpRulesTests
{
    private static readonly FollowUpOptionsValidator Validator = new();

    [Fact]
    public void DefaultsAreValid() => Assert.True(Validator.Validate(null, new FollowUpOptions()).Succeeded);

    [Theory]
    [InlineData(0, 30, "FollowUps:UrgesToRaise")]
    [InlineData(51, 30, "FollowUps:UrgesToRaise")]
    [InlineData(2, 0, "FollowUps:CorrectionWindow")]
    [InlineData(2, 60 * 24 * 8, "FollowUps:CorrectionWindow")]
    public void OutOfRangeSettingsStopTheStartNamingTheKey(int urges, int windowMinutes, string key)
    {
        var result = Validator.Validate(null, new FollowUpOptions { UrgesToRaise = urges, CorrectionWindow = TimeSpan.FromMinutes(windowMinutes) });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("柳湖小区5栋2单元", "6栋", "柳湖小区6栋2单元")]
    [InlineData("5栋2单元门口", "3单元", "5栋3单元门口")]
    [InlineData("7号楼门口", "8栋门口", "8栋门口")]
    [InlineData(null, "幸福路12号", "幸福路12号")]
    [InlineData("3号楼2单元楼道", "解放路12号门口", "解放路12号门口")]
    public void APartReplacesThatPartAndANewSpotTheWholePlace(string? before, string right, string expected)
    {
        Assert.Equal(expected, PlaceCorrection.Apply(before, right));
    }

    [Fact]
    public void WordsThatNameNothingMeanTheOneOpenTicket()
    {
        var lamp = Own("GD-1", "10栋门口路灯坏了好几天", "10栋门口");

        var choice = OwnTickets.Choose([lamp], FollowUpRecognizer.Recognize("咋还没人弄嘞 都好几天了")!.Topic, said: null, openOnly: true);

        Assert.Equal(lamp, Assert.IsType<TicketChoice.One>(choice).Ticket);
    }

    [Fact]
    public void WordsThatNameNothingWithSeveralOpenAskWhich()
    {
        var (lamp, drain) = (Own("GD-2", "3栋楼道灯不亮了", "3栋楼道"), Own("GD-1", "5栋后面下水道堵了", "5栋后面"));

        var choice = OwnTickets.Choose([lamp, drain], "", said: null, openOnly: true);

        Assert.Equal([lamp, drain], Assert.IsType<TicketChoice.Several>(choice).Tickets);
    }

    [Theory]
    [InlineData("2栋门口又堆垃圾了 咋还没人管", false)]
    [InlineData("10号楼门口那个路灯咋还没人管", true)]
    public void ATicketAtAnotherBuildingIsNeverTheOneMeant(string text, bool meant)
    {
        var lamp = Own("GD-1", "10栋门口路灯坏了好几天", "10栋门口");
        var said = PlaceParser.Parse(PlaceExtractor.Extract(text));

        var choice = OwnTickets.Choose([lamp], FollowUpRecognizer.Recognize(text)!.Topic, said, openOnly: true);

        Assert.Equal(meant, choice is TicketChoice.One);
    }

    private static Ticket Own(string number, string description, string place) => new()
    {
        Number = number,
        Category = "民生服务",
        Description = description,
        Place = place,
        PlaceDetail = PlaceParser.Parse(place)!,
        Channel = "demo",
        ConversationId = "group",
    };
}
