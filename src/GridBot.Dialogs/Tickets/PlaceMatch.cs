using System.Text.RegularExpressions;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Whether two places as people write them can be one spot: "5栋2单元的电梯" and "5栋2单元电梯", "三号楼" and "3号楼"
/// are; 5栋 and 9栋, or 2单元 and 3单元 of one building, are not.
/// </summary>
public static partial class PlaceMatch
{
    /// <summary>One holds the other, spaces and 的 aside.</summary>
    public static bool Overlap(string a, string b)
    {
        var x = Bare(a);
        var y = Bare(b);
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    /// <summary>Another building or road than the other names (a part only one of them names tells nothing apart).</summary>
    public static bool OtherBuilding(PlaceDetail? a, PlaceDetail? b) =>
        a is not null && b is not null && (Differ(Number(a.Building), Number(b.Building)) || Differ(a.Road, b.Road));

    /// <summary>Another building, road or unit: two emergencies a few doors apart are two alarms.</summary>
    public static bool OtherUnit(PlaceDetail? a, PlaceDetail? b) =>
        OtherBuilding(a, b) || (a is not null && b is not null && Differ(Number(a.Unit), Number(b.Unit)));

    /// <summary>Both named and one spot: the same building or road (no other unit), or one place holding the other.</summary>
    public static bool SameSpot(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        var (x, y) = (PlaceParser.Parse(a), PlaceParser.Parse(b));
        if (OtherUnit(x, y))
        {
            return false;
        }

        return Overlap(a, b)
            || (Number(x?.Building) is { } building && building == Number(y?.Building))
            || (x?.Road is { } road && road == y?.Road);
    }

    private static bool Differ(string? a, string? b) => a is not null && b is not null && !string.Equals(a, b, StringComparison.Ordinal);

    private static string Bare(string place) => place.Replace(" ", "", StringComparison.Ordinal).Replace("的", "", StringComparison.Ordinal);

    /// <summary>"5栋", "5号楼", "5 幢", "五栋" and "５栋" are building 5; "2单元" and "二单元" unit 2.</summary>
    private static string? Number(string? part)
    {
        if (part is null)
        {
            return null;
        }

        var digits = PartWord().Replace(part.Normalize(System.Text.NormalizationForm.FormKC), "");
        return digits.Length > 0 && digits.All(c => Chinese.Contains(c, StringComparison.Ordinal)) ? FromChinese(digits) : digits;
    }

    private const string Chinese = "零一二两三四五六七八九十百";

    /// <summary>Numbers as residents say buildings and units: 三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105.</summary>
    private static string FromChinese(string text)
    {
        int total = 0, current = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                default:
                    current = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) is var d and >= 0 ? d : 2; // 两
                    break;
            }
        }

        return (total + current).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"号楼|栋|幢|座|单元|\s", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PartWord();
}
