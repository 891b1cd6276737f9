namespace GridBot.Host.Cli;

/// <summary>Every verb's exit code: scripts tell a failed run from a mistyped command line.</summary>
internal static class CliExit
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
