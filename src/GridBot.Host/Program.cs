using GridBot.Host.Cli;
using GridBot.Host.Deployment;

// `dotnet run --project src/GridBot.Host -- import FILE` runs a command and exits; no command runs the bot.
// A start that fails prints one line naming the setting or file and the fix (StartupFailure), exit code 1.
if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(args, CancellationToken.None);
}

return await StartupFailure.RunBotAsync(args, CancellationToken.None);
