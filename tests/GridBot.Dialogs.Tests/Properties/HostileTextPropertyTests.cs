using System.Text.Json;
using CsCheck;
using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Tests.Properties;

/// <summary>Whatever a resident or an attacker types, the text handlers answer and never throw.</summary>
public sealed class HostileTextPropertyTests
{
    // Chinese, digits, the command and place characters the parsers look for, emoji and control characters.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Char["号楼栋单元室层路街门口工单派单办结满意@＠#/ 0123456789GD-一二三😀\u200b\n\t"].Array[0, 60].Select(c => new string(c)),
        Gen.Char[(char)0x4E00, (char)0x9FA5].Array[0, 200].Select(c => new string(c)));

    private static readonly CommandParser Parser = new([new EchoCommand("派单", ["派单", "assign"]), new EchoCommand("工单", ["工单", "tickets"])]);

    [Fact]
    public void TheCommandParserNeverThrows() =>
        Text.Sample(text =>
        {
            var parsed = Parser.Parse(text);
            if (parsed is CommandParse.Command command)
            {
                _ = command.Invocation.TakeReference();
            }
        });

    [Fact]
    public void AnExtractedPlaceIsAlwaysPartOfTheText() =>
        Text.Sample(text => PlaceExtractor.Extract(text) is not { } place || text.Contains(place, StringComparison.Ordinal));

    [Fact]
    public void PlaceParsingNeverThrows() => Text.Sample(text => _ = PlaceParser.Parse(text));

    [Fact]
    public void MaskedTextNeverShowsAWholeMobileNumber() =>
        Gen.Select(Text, Gen.Long[13_000_000_000L, 19_999_999_999L], Text)
            .Sample((before, phone, after) =>
                !PersonalDataMask.Text($"{before} {phone} {after}").Contains(phone.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    [Fact]
    public void TheActivityReaderRejectsJunkWithAJsonExceptionOnly() =>
        // The endpoint reads bytes: random bytes, and text (with its lone surrogates) as a client would encode it.
        Gen.OneOf(Text.Select(t => System.Text.Encoding.UTF8.GetBytes(t)), Gen.Byte.Array[0, 300], Gen.Const("{\"type\":\"message\",\"from\":"u8.ToArray()))
            .Sample(junk =>
            {
                try
                {
                    _ = JsonSerializer.Deserialize(junk, ActivityJson.Default.Activity);
                }
                catch (JsonException)
                {
                    // The endpoint turns this into a 400 problem.
                }
            });

    private sealed class EchoCommand(string name, string[] aliases) : ICommand
    {
        public CommandDefinition Definition { get; } = new(name, aliases, CommandAudience.Everyone, name, name);

        public Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
