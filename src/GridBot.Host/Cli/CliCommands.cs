using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;

namespace GridBot.Host.Cli;

/// <summary>
/// Command-line verbs over the same features as the bot, parsed by System.CommandLine (help, typo suggestions, typed
/// options). They use the bot's configuration (appsettings, environment, --Key:Sub=value) and database, without
/// starting the web server. Exit codes: <see cref="CliExit"/>.
/// </summary>
public static class CliCommands
{
    /// <summary>
    /// Anything but host settings (<c>--urls …</c>, <c>--Key=value</c>, <c>Key=value</c>) is a verb, so a mistyped verb
    /// answers with a suggestion instead of silently starting the bot.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?" or "--version" || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // Help, errors and suggestions in Chinese (System.CommandLine ships zh-Hans), whatever the server's locale.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        var (tokens, settings) = HostSettings.Split(args);
        var parsed = CliRoot.Create(settings).Parse(tokens);
        // A usage error goes to stderr, so stdout stays the verb's result only: the parser's own error lines, then the
        // suggestion in Chinese (CliTypos) instead of its English one and the whole help page.
        if (parsed.Action is ParseErrorAction usage)
        {
            usage.ShowTypoCorrections = false;
            usage.ShowHelp = false;
        }

        var configuration = new InvocationConfiguration { Output = parsed.Errors.Count > 0 ? Console.Error : Console.Out, Error = Console.Error };
        var code = await parsed.InvokeAsync(configuration, cancellationToken);
        if (parsed.Errors.Count == 0)
        {
            return code;
        }

        foreach (var line in CliTypos.Lines(parsed))
        {
            await Console.Error.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        return CliExit.Usage;
    }
}
