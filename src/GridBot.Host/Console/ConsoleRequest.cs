using GridBot.Store;

namespace GridBot.Host.StaffConsole;

/// <summary>The signed-in session and its resolved scope, left by <see cref="ConsoleAuthFilter"/> for the handler.</summary>
public sealed record ConsoleRequest(ConsoleSession Session, GridScope Scope)
{
    private const string Key = "GridBot.ConsoleRequest";

    public static ConsoleRequest Of(HttpContext http) =>
        http.Items[Key] as ConsoleRequest ?? throw new InvalidOperationException("Console endpoint mapped without ConsoleAuthFilter.");

    internal void Attach(HttpContext http) => http.Items[Key] = this;
}
