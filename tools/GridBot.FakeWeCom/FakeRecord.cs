using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>One request the fake received: which API, for which robot/user, what it answered (errcode) and the body.</summary>
public sealed record FakeRecord(DateTimeOffset At, string Api, string Target, int Errcode, JsonNode? Body);
