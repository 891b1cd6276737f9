using System.Text.RegularExpressions;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>Splits a place ("阳光花园3号楼2单元502门口") into its parts, so tickets can be counted per building or road.</summary>
/// <remarks>
/// Input is capped and the patterns are linear, so the regex timeouts are only a backstop: they are wall-clock, and a
/// short one fires spuriously on a loaded machine (a stalled thread, not a slow pattern).
/// </remarks>
public static partial class PlaceParser
{
    private const int MaxInput = 200;

    public static PlaceDetail? Parse(string? place)
    {
        if (string.IsNullOrWhiteSpace(place))
        {
            return null;
        }

        place = place.Length > MaxInput ? place[..MaxInput] : place;

        var detail = new PlaceDetail
        {
            Estate = Find(Estate(), place),
            Road = Find(Road(), place),
            Building = Find(Building(), place),
            Unit = Find(Unit(), place),
            Floor = Find(Floor(), place),
            Room = Find(Room(), place),
            Landmark = Find(Landmark(), place),
        };
        return detail == new PlaceDetail() ? null : detail;
    }

    private static string? Find(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        return match.Success ? match.Value.Trim() : null;
    }

    private const string Number = @"(?:[0-9０-９]+|[一二三四五六七八九十百零两]+)";

    [GeneratedRegex(@"(?:(?![的在了到边上我们这那是楼])\p{IsCJKUnifiedIdeographs}){2,4}(?:小区|花园|家园|新村|公寓|大厦|苑|府|庭)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Estate();

    [GeneratedRegex(@"(?:(?![的在了到边上我们这那是楼])\p{IsCJKUnifiedIdeographs}){2,4}(?:路|街|大道|巷|胡同)(?![灯口边上面牙])(?:[0-9]+号)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Road();

    [GeneratedRegex(Number + @"\s*(?:号楼|栋|幢|座)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Building();

    [GeneratedRegex(Number + @"\s*单元", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Unit();

    [GeneratedRegex(@"(?<!号)" + Number + @"\s*(?:层|楼(?![道顶梯下上里]))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Floor();

    [GeneratedRegex(Number + @"\s*(?:室|户|号房)|(?<=单元|号楼|栋|幢)[0-9]{3,4}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Room();

    [GeneratedRegex(@"(?:[东西南北])?(?:门口|大门|侧门|后门)|楼道|楼梯间?|电梯|楼顶|天台|地下室|地下车库|车库|停车场|垃圾站|垃圾房|快递柜|公交站|菜市场|健身区|篮球场|花坛|绿化带|路口", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Landmark();
}
