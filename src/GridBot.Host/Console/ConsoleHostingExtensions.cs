using GridBot.Host.Ledgers;
using Microsoft.Extensions.Options;

namespace GridBot.Host.StaffConsole;

/// <summary>Composition of the staff console (/console), its sign-in and the ledger export.</summary>
public static class ConsoleHostingExtensions
{
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(ConsoleHostingExtensions).Assembly.GetManifestResourceStream("GridBot.Host.Console.css")
            ?? throw new InvalidOperationException("The console stylesheet resource is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static IHostApplicationBuilder AddStaffConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ConsoleOptions, ConsoleOptionsValidator>(builder.Configuration, ConsoleOptions.SectionName);
        services.AddDataProtection();
        services.AddSingleton<StaffTokens>();
        services.AddSingleton<ConsoleSessionCookie>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<BoardQuery>();
        services.AddScoped<GridOverviewQuery>();
        services.AddScoped<ChartQuery>();
        services.AddScoped<TicketLedgerWriter>();
        services.AddSingleton<ConsoleTicketActions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapGroup("/console").AddEndpointFilter<ConsoleSecurityHeaders>();
        console.MapGet("/console.css", () => Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8"));
        console.MapConsoleSignIn();
        console.MapConsolePages();
        endpoints.MapLedgerEndpoints();
        return endpoints;
    }
}
