using GridBot.FakeWeCom;

// dotnet run --project tools/GridBot.FakeWeCom -- --urls=http://127.0.0.1:5090 [--FakeWeCom:LatencyMs=50]
await FakeWeComServer.Build(args).RunAsync();
