namespace GridBot.Dialogs.Commands;

/// <summary>
/// Recognises "派单 0007 @李明", "/assign 0007 @李明", "#帮助". A bare Chinese command word must be followed by
/// the end, a space, a digit, a Latin letter or "@", so "办结了吗？" or "满意度太低" stay ordinary messages.
/// </summary>
public sealed class CommandParser(IEnumerable<ICommand> commands)
{
    private readonly (string Alias, ICommand Command)[] _aliases = commands
        .SelectMany(c => c.Definition.Aliases.Select(a => (Alias: a, Command: c)))
        .OrderByDescending(a => a.Alias.Length)
        .ToArray();

    public IEnumerable<ICommand> Commands => _aliases.Select(a => a.Command).Distinct();

    public CommandParse Parse(string text)
    {
        var line = text.Trim();
        var explicitPrefix = line.Length > 0 && line[0] is '/' or '#' or '＃' or '／';
        if (explicitPrefix)
        {
            line = line[1..].TrimStart();
        }

        foreach (var (alias, command) in _aliases)
        {
            if (!line.StartsWith(alias, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = line[alias.Length..];
            if (rest.Length == 0 || IsBoundary(rest[0], alias))
            {
                return new CommandParse.Command(command, new CommandInvocation(alias, rest.Trim()));
            }
        }

        return explicitPrefix && line.Length > 0 ? new CommandParse.Unknown(line.Split(' ', 2)[0]) : new CommandParse.NotACommand();
    }

    private static bool IsBoundary(char next, string alias) =>
        char.IsWhiteSpace(next) || next is '@' or '＠' or '　' ||
        (!char.IsAsciiLetter(alias[^1]) && char.IsAsciiLetterOrDigit(next));
}
