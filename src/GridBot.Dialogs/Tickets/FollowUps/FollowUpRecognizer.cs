using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// Reads a follow-up on one's own report from everyday wording: a correction ("说错了，是6栋不是5栋", "不是路灯是楼道灯"),
/// a withdrawal ("物业修好了，撤了吧"), an urge ("都三天了怎么还没人来", "麻烦催一下", "快来人啊", "人呢？？") or a progress question
/// ("我上次报的井盖修了没有", "…怎么样了"), in that order of precedence: impatience outranks a plain question, and a
/// statement that it is fixed is no question. The words are kinds, not example strings; whether a ticket fits is
/// decided afterwards against the speaker's own tickets.
/// </summary>
public static partial class FollowUpRecognizer
{
    private const int MaxLength = 80;

    public static FollowUpRequest? Recognize(string text)
    {
        var line = text.Trim();
        if (line.Length is 0 or > MaxLength)
        {
            // A long message is a report (or a story), not a follow-up line.
            return null;
        }

        var own = Own().IsMatch(line);
        if (Correction(line) is { } correction)
        {
            return new FollowUpRequest(FollowUpKind.Correct, CorrectionLead().IsMatch(line), "", correction);
        }

        var question = IsQuestion(line);
        if (!question && Withdraw().IsMatch(line))
        {
            return new FollowUpRequest(FollowUpKind.Withdraw, own || WithdrawVerb().IsMatch(line), Topic(line));
        }

        if (Urge().IsMatch(line))
        {
            return new FollowUpRequest(FollowUpKind.Urge, own || UrgeVerb().IsMatch(line), Topic(line));
        }

        if (Progress().IsMatch(line) || (own && question))
        {
            return new FollowUpRequest(FollowUpKind.Progress, own || ProgressWord().IsMatch(line), Topic(line));
        }

        return null;
    }

    /// <summary>What the message is about once the follow-up words are gone ("井盖", "漏水"); empty when nothing is left.</summary>
    public static string Topic(string text)
    {
        var rest = Own().Replace(text, " ");
        rest = Progress().Replace(rest, " ");
        rest = Urge().Replace(rest, " ");
        rest = Withdraw().Replace(rest, " ");
        rest = Filler().Replace(rest, "");
        return rest.Length > 20 ? rest[..20] : rest;
    }

    private static CorrectionText? Correction(string line)
    {
        var lead = CorrectionLead().Match(line);
        var rest = lead.Success ? line[lead.Length..].TrimStart('，', ',', '。', '.', '！', '!', ' ', '：', ':') : line;
        if (RightThenWrong().Match(rest) is { Success: true } rw)
        {
            return Clean(rw.Groups["wrong"].Value, rw.Groups["right"].Value);
        }

        if (WrongThenRight().Match(rest) is { Success: true } wr)
        {
            return Clean(wr.Groups["wrong"].Value, wr.Groups["right"].Value);
        }

        if (!lead.Success)
        {
            return null;
        }

        var right = OnlyRight().Match(rest) is { Success: true } r ? r.Groups["right"].Value : rest;
        return Clean(null, right);
    }

    private static CorrectionText? Clean(string? wrong, string right)
    {
        var w = wrong is null ? null : Tail().Replace(wrong, "").Trim();
        var r = Tail().Replace(right, "").Trim();
        if (r.Length == 0 || r.Length > 40 || w is { Length: 0 } || r == w)
        {
            return null;
        }

        return new CorrectionText(w, r);
    }

    private static bool IsQuestion(string line) => line.Contains('?') || line.Contains('？') || QuestionEnd().IsMatch(line);

    /// <summary>"我上次报的", "我前几天反映的", "我报的那个".</summary>
    [GeneratedRegex(@"(?:我|俺|咱)(?:们|家)?(?:上次|上回|之前|前几天|前两天|前天|昨天|今天|早上|上午|下午|刚才|刚刚|前阵子|那天|上周|上个月|几天前|早前|以前)?(?:报修|报|反映|反应|提|说|登记|投诉|举报|上报|发)(?:了)?(?:过)?的", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Own();

    [GeneratedRegex(@"(?:修|弄|处理|解决|搞|办|清|收|换|装|运)(?:好|完|掉|理)?了?(?:没有|没|吗|么|嘛)|有(?:没有)?人(?:管|处理|来|修|跟进|看)(?:了)?(?:吗|么|嘛|没有|没)|有没有人(?:管|处理|来|修|跟进)|(?:怎么样|咋样|如何|怎样)了|进度|进展|到哪(?:一)?步了|有(?:结果|回音|消息|下文|回复|进展)了?(?:吗|么|没)|什么时候(?:能|可以|会|才|来)?(?:修|来|处理|弄|解决|好)|还要多久|处理得怎么样", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Progress();

    [GeneratedRegex(@"进度|进展|怎么样了|咋样了", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex ProgressWord();

    [GeneratedRegex(@"(?:怎么|咋|为什么|为啥)(?:还|都)(?:是)?(?:没|不)|还(?:没|没有|不)(?:人|有人)?(?:来|管|修|处理|弄|解决|派)|(?:一直|还是|根本|都)(?:没|莫得|没得)(?:人|有人)(?:来|管|修|处理)?|(?:没|莫得|没得)人(?:来|管|修|处理)|催(?:一下|一催|促|办|催|下)?|都(?:[0-9一二两俩三四五六七八九十几好]+)(?:个)?(?:天|星期|礼拜|周|月|小时|钟头)了|(?:快点|赶紧|尽快|抓紧|赶快)(?:来|修|处理|弄|派人|解决)|到底(?:什么时候|有没有人|管不管|修不修)|等了(?:好)?(?:[0-9一二两俩三四五六七八九十几好]+)?(?:个)?(?:天|星期|礼拜|周|月)|拖了|快来(?:人|啊|呀)|来人(?:啊|呀)|人呢(?=[\s？?！!。，,~～]|$)", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Urge();

    [GeneratedRegex(@"催", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex UrgeVerb();

    [GeneratedRegex(@"撤(?:了吧|掉吧|掉|了|销|回)|(?:取消|撤销|撤回)(?:工单|报修|这个|那个|掉|吧|一下)?|不用(?:来|修|处理|管|麻烦|跑)?了|不需要(?:处理|来)?了|(?:已经|自己|物业|邻居|师傅|我们|我)[^，。,.？?！!]{0,6}(?:修好|弄好|处理好|解决|搞好|好)了", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Withdraw();

    [GeneratedRegex(@"撤|取消|撤销|撤回", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex WithdrawVerb();

    /// <summary>
    /// "说错了", "哦不对不对", "额 不对，": people start with a sigh and say it twice. "不对劲" is something wrong, no
    /// correction.
    /// </summary>
    [GeneratedRegex(@"^(?:[哦噢喔啊呃额嗯哎诶唉欸][\s，,~～]*)?(?:(?:不对(?!劲)|不是的|不是这样|说错了|搞错了|打错了|写错了|弄错了|讲错了|报错了|更正一下|更正|纠正一下|纠正|改一下|刚才(?:说|打|写|报)错了|错了)[\s，,。！!~～]*)+", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex CorrectionLead();

    [GeneratedRegex(@"^(?:应该|其实)?是(?<right>[^，,。]{1,20}?)[，, ]*(?:而)?不是(?<wrong>.{1,15})$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex RightThenWrong();

    [GeneratedRegex(@"^不是(?<wrong>[^，,。]{1,15}?)[，, ]*(?:而|应该|其实)?是(?<right>.{1,20})$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex WrongThenRight();

    [GeneratedRegex(@"^(?:应该|其实)?(?:是|在)(?<right>.+)$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex OnlyRight();

    [GeneratedRegex(@"(?:才对|的|啊|呀|哈|啦|哦|吧|了)?[\p{P}\s~]*$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Tail();

    [GeneratedRegex(@"(?:吗|么|嘛|没有|没|呢)\s*$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex QuestionEnd();

    /// <summary>
    /// Words that name no problem: courtesy, time, impatience, the verbs of getting something done (修, 弄, 清, 收, 搞…),
    /// the particles and negations of everyday and dialect speech (嘞, 咧, 撒, 嗦, 莫得…), stickers ("[发怒]"), punctuation
    /// and emoji (surrogate pairs in UTF-16, so no symbol to the regex). What is left is the problem the message names: "咋还没人弄嘞 都好几天了" names none.
    /// </summary>
    [GeneratedRegex(@"\[[^\[\]\s]{1,8}\]|莫得|没得|那个|这个|那件|这件|事情|事儿|问题|麻烦|帮忙|帮我|一下|快点|赶紧|尽快|能不能|可以|你们|您|大家|网格员|小网|到底|现在|已经|之前|上次|前几天|处理|解决|跟进|怎么样|怎样|如何|怎么|为什么|为啥|[0-9一二两俩三四五六七八九十几]+(?:个)?(?:天|周|星期|礼拜|月|小时)|[的了吗呢啊呀吧嘛么哦哈啦咋还都也就请我人来去没有是在管事修弄清收搞运办再又嘞咧撒嗦哇噻哟喽咯呐]|[\p{P}\p{S}\p{Cs}\p{Cf}\s\uFE0F]", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Filler();
}
