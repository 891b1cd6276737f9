using Microsoft.AspNetCore.Http.Features;

namespace GridBot.Host.StaffConsole;

/// <summary>Console forms are a token, a CSRF field and a short note: the body is capped before anything reads it.</summary>
internal static class SmallForm
{
    public const int MaxBytes = 16 * 1024;

    /// <returns>The form, an empty one when the request has none, or null when it is too large or malformed.</returns>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return null;
        }
    }
}
