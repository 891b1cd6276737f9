using GridBot.Host.Cli;

namespace GridBot.Host.Tests.Cli;

public sealed class ClassifierCliTests
{
    [Fact]
    public async Task TrainThenEvaluateACustomLabelSet()
    {
        var folder = Directory.CreateTempSubdirectory("gridbot-cli-").FullName;
        var csv = Path.Combine(folder, "district.csv");
        string[] roads = ["解放路", "人民路", "中山路", "建设路", "和平路", "幸福路"];
        var lines = new List<string> { "内容,类别" };
        foreach (var road in roads)
        {
            lines.Add($"{road}有违章搭建的棚子,城乡建设");
            lines.Add($"{road}边的工地晚上还在施工,城乡建设");
            lines.Add($"{road}的河道漂着垃圾发臭,环境保护");
            lines.Add($"{road}饭店油烟直排很呛人,环境保护");
            lines.Add($"{road}红绿灯坏了车都堵着,交通运输");
            lines.Add($"{road}公交站牌被撞歪了,交通运输");
        }

        await File.WriteAllLinesAsync(csv, lines, TestTimeoutToken());
        var model = Path.Combine(folder, "model.zip");

        var trained = await CliCommands.RunAsync(["classifier", "train", "--csv", csv, "--text-column", "内容", "--label-column", "类别", "--out", model], TestTimeoutToken());
        var evaluated = await CliCommands.RunAsync(["classifier", "eval", "--csv", csv, "--text-column", "内容", "--label-column", "类别", "--model", model, "--json"], TestTimeoutToken());
        var missing = await CliCommands.RunAsync(["classifier", "eval", "--csv", Path.Combine(folder, "nope.csv"), "--model", model], TestTimeoutToken());
        // What a person reads, through the real entry point: the figures and the matrix as Chinese tables.
        var table = await HostProcess.RunAsync(["classifier", "eval", "--csv", csv, "--text-column", "内容", "--label-column", "类别", "--model", model]);

        Assert.Equal(0, trained);
        Assert.True(new FileInfo(model).Length > 0);
        Assert.Equal(0, evaluated);
        Assert.Equal(1, missing);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("条：准确率 ", table.Output);
        Assert.Contains("精确率", table.Output);
        Assert.Contains("混淆矩阵（行 = 实际类别，列 = 判为的类别）", table.Output);
        Assert.Contains("] 环境保护", table.Output);
    }

    private static CancellationToken TestTimeoutToken() => Infrastructure.TestTimeout.Token;
}
