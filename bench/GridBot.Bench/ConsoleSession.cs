using System.Net;

namespace GridBot.Bench;

/// <summary>An HTTP client signed in to the staff console with an API token (its session cookie kept).</summary>
internal static class ConsoleSession
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string token, CancellationToken cancellationToken)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var signIn = await http.PostAsync("/console/signin", new FormUrlEncodedContent([new("token", token)]), cancellationToken);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            http.Dispose();
            throw new InvalidOperationException($"sign-in answered {signIn.StatusCode}");
        }

        return http;
    }
}
