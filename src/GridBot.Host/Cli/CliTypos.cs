using System.CommandLine;
using System.CommandLine.Parsing;

namespace GridBot.Host.Cli;

/// <summary>
/// "您是不是要输入…？" for a mistyped verb or option. System.CommandLine's own typo line has no Chinese translation
/// (its zh-Hans resources stop short of it), so the usage error says it here: the verbs and options of the command the
/// typo stands under, nearest by edit distance, as its own correction does.
/// </summary>
internal static class CliTypos
{
    public static IReadOnlyList<string> Closest(string token, Command command)
    {
        var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Distinct(StringComparer.Ordinal);
        // A third of the word may be wrong (calender → calendar, --cuont → --count), never more.
        var allowed = Math.Max(1, token.TrimStart('-').Length / 3);
        return [.. names.Select(n => (Name: n, Distance: Distance(token, n)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)];
    }

    /// <summary>The lines a usage error ends with: a suggestion for the unknown word, then where the usage is.</summary>
    public static IEnumerable<string> Lines(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        // The first unknown word only: after a mistyped verb the rest of the line (its arguments) is unknown too.
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            // The parser's own line above already names the word (未识别命令或参数…); this adds the likely one.
            var closest = Closest(token, command);
            if (closest.Count > 0)
            {
                yield return $"“{token}”您是不是要输入：{string.Join("、", closest)}？";
            }
        }

        var verbs = new List<string>();
        for (var result = parsed.CommandResult; result is { Command: not RootCommand }; result = result.Parent as CommandResult)
        {
            verbs.Insert(0, result.Command.Name);
        }

        yield return $"用 {string.Join(' ', verbs.Append("--help"))} 查看用法。 / See --help for usage.";
    }

    private static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (Same(a[i - 1], b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                // Two letters swapped (cuont → count) is one slip, not two.
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
