using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementOptionsTests
{
    [Theory]
    [InlineData("--Announcements:LowAckRate=1.5", "Announcements:LowAckRate")]
    [InlineData("--Announcements:AckReminderAfter=00:00:10", "Announcements:AckReminderAfter")]
    [InlineData("--Announcements:MaxMessageBytes=100", "Announcements:MaxMessageBytes")]
    [InlineData("--Announcements:FanOutChunkSize=0", "Announcements:FanOutChunkSize")]
    public async Task ABadAnnouncementSettingStopsTheStartNamingTheKey(string setting, string key)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GridBotTestHost.StartAsync(TestTimeout.Token, setting));

        Assert.Contains(key, error.Message);
    }
}
