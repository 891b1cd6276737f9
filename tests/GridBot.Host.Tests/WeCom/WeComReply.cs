using System.Net;
using System.Text.Json.Nodes;

namespace GridBot.Host.Tests.WeCom;

/// <summary>A passive reply as WeCom sees it after Tencent's library opened it; <see cref="Plain"/> is null for an empty 200 or an error.</summary>
internal sealed record WeComReply(HttpStatusCode Status, JsonObject? Plain)
{
    public string StreamContent => Plain?["stream"]?["content"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No stream reply: {Plain}");

    public bool StreamFinished => Plain?["stream"]?["finish"]?.GetValue<bool>() == true;
}
