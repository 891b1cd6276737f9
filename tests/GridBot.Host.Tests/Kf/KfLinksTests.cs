using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Host.Cli;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Kf;

public sealed class KfLinksTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task KfLinksMakesOneLinkAndQrCodePerGridAndARerunReusesThem()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        string[] settings = [.. WeComSimulator.AppSettings(fake), $"--WeCom:Kf:OpenKfId={KfSimulator.OpenKfid}"];
        await using var host = await GridBotTestHost.StartAsync(ct, settings);
        var folder = Directory.CreateTempSubdirectory("gridbot-kf-links-").FullName;
        try
        {
            string[] verb = ["kf", "links", "--scope", "DEMO-S01-C01-G01", "--out", folder, $"--ConnectionStrings:GridBot=Data Source={host.DatabasePath}", .. settings];

            Assert.Equal(0, await CliCommands.RunAsync(verb, ct));
            Assert.Equal(0, await CliCommands.RunAsync(verb, ct));

            var created = await fake.RecordsAsync("kf/add_contact_way", ct);
            var scenes = created.Select(r => r["body"]!["scene"]!.GetValue<string>()).Order().ToList();
            Assert.Equal(["DEMO-S01-C01-G01", "DEMO-S01-C01-G01-M01", "DEMO-S01-C01-G01-M02"], scenes);
            Assert.Equal(3, await host.QueryAsync(db => db.KfContactLinks.CountAsync(ct)));
            Assert.Equal(PngSignature, (await File.ReadAllBytesAsync(Path.Combine(folder, "DEMO-S01-C01-G01.png"), ct))[..8]);
            var sheet = await File.ReadAllTextAsync(Path.Combine(folder, "index.html"), ct);
            Assert.Contains("幸福里社区第一网格", sheet);
            Assert.Contains("幸福里社区第一网格3号楼微网格", sheet);
            Assert.Contains("src=\"DEMO-S01-C01-G01-M02.png\"", sheet);

            using var served = await host.Http.GetAsync("/kf/qr/DEMO-S01-C01-G01.png", ct);
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(PngSignature, (await served.Content.ReadAsByteArrayAsync(ct))[..8]);
            using var unknown = await host.Http.GetAsync("/kf/qr/NOPE.png", ct);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
