using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Commands;

/// <summary>A parsed command call: which alias was used and the rest of the line.</summary>
public sealed partial record CommandInvocation(string Alias, string Arguments)
{
    /// <summary>Staff's plain words naming the ticket by what it is about instead of a number ("2栋路灯那个派给李明").</summary>
    public string? About { get; init; }

    /// <summary>Splits "0007 已更换灯泡" (or "GD20261123-0007已更换") into the ticket reference and the rest.</summary>
    public (string? Reference, string Remainder) TakeReference()
    {
        var match = ReferencePattern().Match(Arguments);
        return match.Success
            ? (match.Groups[1].Value, Arguments[match.Length..].Trim())
            : (null, Arguments);
    }

    [GeneratedRegex(@"^\s*([A-Za-z]{0,8}[0-9]{1,8}(?:-[0-9]{1,6})?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex ReferencePattern();
}
