using GridBot.Dialogs.Time;

namespace GridBot.Dialogs.Tests.Time;

public sealed class TimeInputTests
{
    [Theory]
    [InlineData("2026-09-30T18:00:00+08:00", "2026-09-30T10:00:00")]
    [InlineData("2026-09-30T18:00+0800", "2026-09-30T10:00:00")]
    [InlineData("2026-09-30T10:00:00Z", "2026-09-30T10:00:00")]
    [InlineData("2026-09-30T05:00:00-05:00", "2026-09-30T10:00:00")]
    [InlineData("2026-09-30 18:00", "2026-09-30T10:00:00")]
    [InlineData("2026-09-30T18:00:00", "2026-09-30T10:00:00")]
    [InlineData("2026-09-30", "2026-09-29T16:00:00")]
    public void A_time_with_an_offset_is_as_given_without_one_Beijing_and_a_date_is_its_midnight(string text, string utc)
    {
        Assert.True(TimeInput.TryParseUtc(text, TimeInput.Beijing, out var parsed));
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
    }

    [Theory]
    [InlineData("明天")]
    [InlineData("30/09/2026 18:00")]
    [InlineData("2026-09-30T18:00:00+15:00")]
    [InlineData("")]
    public void Anything_else_is_refused_and_the_refusal_names_the_field(string text)
    {
        Assert.False(TimeInput.TryParseUtc(text, TimeInput.Beijing, out _));
        Assert.Contains("scheduleAt", TimeInput.Refusal("scheduleAt", text), StringComparison.Ordinal);
    }
}
