using System.Text.Json;
using GridBot.Dialogs.Core;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// The Bot Framework body as /api/messages reads it (ActivityJson, source-generated); junk JSON is a 400 there.
/// The 智能机器人 handler reads a list of activities with the same context.
/// </summary>
internal static class ActivityJsonTarget
{
    public static void Run(byte[] input)
    {
        try
        {
            _ = JsonSerializer.Deserialize(input, ActivityJson.Default.Activity);
        }
        catch (JsonException)
        {
        }

        try
        {
            _ = JsonSerializer.Deserialize(input, ActivityJson.Default.ListActivity);
        }
        catch (JsonException)
        {
        }
    }
}
