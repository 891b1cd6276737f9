namespace GridBot.Dialogs.Core;

public readonly record struct Mention(ChannelAccount Mentioned, string? Text);
