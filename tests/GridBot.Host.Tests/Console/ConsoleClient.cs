using System.Net;
using System.Text.RegularExpressions;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>A browser-like HTTP client for the console: its own cookie jar, redirects not followed (tests look at them).</summary>
public sealed partial class ConsoleClient : IDisposable
{
    public const string LinkBase = "http://console.invalid";

    private readonly HttpClientHandler handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public ConsoleClient(GridBotTestHost host) => Http = new HttpClient(handler) { BaseAddress = host.Address };

    public HttpClient Http { get; }

    public CookieContainer Cookies => handler.CookieContainer;

    /// <summary>The host setting that makes 控制台 links point at <see cref="LinkBase"/> (tests swap in the host's address).</summary>
    public static string PublicBaseUrlSetting => "--Console:PublicBaseUrl=" + LinkBase;

    public static async Task<string> RequestLinkAsync(GridBotTestHost host, Person staff, CancellationToken cancellationToken)
    {
        var reply = await host.Private(staff.Id).SayAsync(staff, "控制台", cancellationToken);
        var url = LinkPattern().Match(reply.Text);
        Assert.True(url.Success, reply.Text);
        return url.Value[LinkBase.Length..];
    }

    public async Task<HttpResponseMessage> SignInWithTokenAsync(string token, CancellationToken cancellationToken) =>
        await Http.PostAsync("/console/signin", new FormUrlEncodedContent([new("token", token)]), cancellationToken);

    public async Task<HttpResponseMessage> ExchangeLinkAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var token = pathAndQuery[(pathAndQuery.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        return await Http.PostAsync("/console/link", new FormUrlEncodedContent([new("t", token)]), cancellationToken);
    }

    /// <summary>The CSRF token the console put into a page's forms.</summary>
    public static string CsrfOf(string html) => CsrfPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No CSRF field on the page.");

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex(@"http://console\.invalid/console/link\?t=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"_csrf\" value=\"([0-9A-F]+)\"")]
    private static partial Regex CsrfPattern();
}
