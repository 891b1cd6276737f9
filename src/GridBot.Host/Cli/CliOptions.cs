using System.CommandLine;
using GridBot.Dialogs.Time;

namespace GridBot.Host.Cli;

/// <summary>The options several verbs share, declared once so their names, forms and help read the same everywhere.</summary>
internal static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "输出 JSON（与 API 相同的字段），不打印表格" };

    /// <summary>A time read by <see cref="TimeInput"/>; a value it refuses is a usage error naming the option.</summary>
    public static Option<DateTime?> Time(string name, string description) => new(name)
    {
        Description = description + "；ISO 8601，带时区按所给时区，不带按北京时间，只写日期为当天 0 点",
        HelpName = "时间",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (TimeInput.TryParseUtc(text, TimeInput.Beijing, out var utc))
            {
                return utc;
            }

            result.AddError(TimeInput.Refusal(name, text));
            return null;
        },
    };

    /// <summary>A grid, community or street code (its subtree).</summary>
    public static Option<string> Scope(string description, bool required) => new("--scope")
    {
        Description = description,
        HelpName = "编码",
        Required = required,
    };
}
