using System.Text;
using GridBot.Dialogs.Tickets;

namespace GridBot.Fuzz.Targets;

/// <summary>A resident's report text through the place extractor, and both the extract and the raw text through the parser.</summary>
internal static class PlaceTarget
{
    public static void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var place = PlaceExtractor.Extract(text);
        _ = PlaceParser.Parse(place);
        _ = PlaceParser.Parse(text);
    }
}
