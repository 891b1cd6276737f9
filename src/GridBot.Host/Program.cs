using GridBot.Host;
using GridBot.Host.Cli;

// `dotnet run --project src/GridBot.Host -- import FILE` runs a command and exits; no command runs the bot.
if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(args, CancellationToken.None);
}

var app = GridBotApp.Build(args);
await app.RunAsync();
return 0;
