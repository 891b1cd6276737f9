using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>
/// A message a simulated resident sends (POST /_fake/kf/messages): msgtype plus its payload as WeCom shapes it,
/// e.g. <c>{"msgtype":"text","payload":{"content":"…"}}</c> or a location's latitude/longitude/name/address.
/// </summary>
public sealed class FakeKfCustomerMessage
{
    public required string ExternalUserid { get; init; }
    public string Msgtype { get; init; } = "text";
    public JsonObject? Payload { get; init; }
}
