using System.Text.RegularExpressions;
using GridBot.Dialogs.Core;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>The bot's replies to one turn.</summary>
public sealed partial record Reply(IReadOnlyList<Activity> Activities)
{
    public string Text => string.Join("\n", Activities.Select(a => a.Text));

    public bool IsSilent => Activities.Count == 0;

    public string TicketNumber =>
        TicketNumberPattern().Match(Text) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"No ticket number in: {Text}");

    [GeneratedRegex(@"GD\d{8}-\d{4}")]
    private static partial Regex TicketNumberPattern();
}
