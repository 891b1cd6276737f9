using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// What staff say in plain words, read as the command it means, so the command's rules, history and confirmation
/// apply unchanged: "这个我来处理" is 派单 to oneself, "派给李明" is 派单 @李明 (both the report just made when no number
/// is given), "0012已经处理好了" is 办结 0012. Only unambiguous wordings: anything else stays an ordinary message.
/// A leader who has several fresh reports in front of her names the one she means by what it is about, not by number
/// ("2栋路灯那个派给李明", "垃圾那个我来处理"): that is <see cref="StaffWordsCommand.About"/>.
/// </summary>
public static partial class StaffWords
{
    private const int MaxLength = 60;

    /// <returns>The command's name and its arguments, or null.</returns>
    public static StaffWordsCommand? Read(string text, string speakerName)
    {
        var line = text.Trim();
        if (line.Length is 0 or > MaxLength)
        {
            return null;
        }

        if (TakeMyself().Match(line) is { Success: true } take)
        {
            return new("派单", "@" + speakerName, About(take));
        }

        if (AssignTo().Match(line) is { Success: true } assign)
        {
            var name = assign.Groups["name"].Value;
            return new("派单", $"{assign.Groups["ref"].Value} @{(name == "我" ? speakerName : name)}".Trim(), About(assign));
        }

        if (Done().Match(line) is { Success: true } done)
        {
            var note = done.Groups["note"].Value.Trim(' ', '，', ',', '。');
            return new("办结", $"{done.Groups["ref"].Value} {(note.Length > 0 ? note : done.Groups["done"].Value)}");
        }

        return null;
    }

    private static string? About(Match match) => match.Groups["about"] is { Success: true } about ? about.Value : null;

    [GeneratedRegex(@"^(?:(?<about>[\p{IsCJKUnifiedIdeographs}0-9A-Za-z]{1,12}?)\s*(?:那个|这个|那件事|那单|那事|的事)\s*)?(?:这个|这单|这件事|这件|这事|这个事|这个问题)?(?:我来|我去|我负责|交给我|我接了|我接)(?:(?:处理|负责|跟进|办|看看|看一下|解决)了?)?(?:吧|哈|哦)?[!！。.~～]*$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex TakeMyself();

    [GeneratedRegex(@"^(?:把)?(?:(?<about>[\p{IsCJKUnifiedIdeographs}0-9A-Za-z]{1,12}?)\s*(?:那个|这个|那件事|那单|那事|的事)\s*)?(?:(?:工单\s*)?(?<ref>[A-Za-z]{0,8}[0-9]{1,8}(?:-[0-9]{1,6})?)\s*号?|这个|这单|这件事)?\s*(?:派给|交给|转给)\s*[@＠]?(?<name>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,10}?)\s*(?:去)?(?:处理|负责|跟进)?(?:吧|一下)?[!！。.~～]*$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AssignTo();

    [GeneratedRegex(@"^(?:工单\s*)?(?<ref>[A-Za-z]{0,8}[0-9]{1,8}(?:-[0-9]{1,6})?)\s*(?:号|号工单)?\s*(?<done>(?:已经|已|都)?(?:处理好|处理完|修好|搞定|办好|解决|办结|弄好|清理好|清运完|清理完|完成)了?)[，,。.!！\s]*(?<note>.*)$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Done();
}
