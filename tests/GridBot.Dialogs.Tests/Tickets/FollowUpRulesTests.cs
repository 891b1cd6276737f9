using GridBot.Dialogs.Tickets.FollowUps;

namespace GridBot.Dialogs.Tests.Tickets;

/// <summary>The follow-up options' limits and how a correction lands on a place.</summary>
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
}
