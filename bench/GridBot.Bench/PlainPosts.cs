using System.Diagnostics;
using System.Net.Http.Json;

namespace GridBot.Bench;

/// <summary>
/// The baseline of the robot fan-outs: plain sequential posts to the fake's webhook/send, one robot after another,
/// each 500 retried at once until accepted, i.e. the raw cost of the network without the bot.
/// </summary>
internal static class PlainPosts
{
    public static async Task<double> PerSecondAsync(HttpClient fake, int robots, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var m = 0; m < robots; m++)
        {
            while (true)
            {
                using var response = await fake.PostAsJsonAsync($"/cgi-bin/webhook/send?key={WeComBenchData.RobotKey(m)}",
                    new { msgtype = "markdown", markdown = new { content = "【公告 1】基准" } }, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
        }

        return robots / stopwatch.Elapsed.TotalSeconds;
    }
}
