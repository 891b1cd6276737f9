using System.Security.Cryptography;
using System.Text;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// A WeCom group robot (消息推送) key. Whoever holds it can post into the group, so it is a secret: it only ever goes
/// into the send URL; logs and rate-limit keys use <see cref="Fingerprint"/>.
/// </summary>
public static class WeComWebhookKey
{
    public const string Channel = "wecom";

    /// <summary>Accepts the bare key or the webhook URL the console shows (…/webhook/send?key=KEY).</summary>
    public static bool TryParse(string keyOrUrl, out string? key)
    {
        var value = keyOrUrl.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            value = System.Web.HttpUtility.ParseQueryString(uri.Query)["key"] ?? "";
        }

        key = value.Length is >= 8 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? value : null;
        return key is not null;
    }

    /// <summary>A short, stable, non-reversible name for a robot: safe in logs and Redis keys.</summary>
    public static string Fingerprint(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
