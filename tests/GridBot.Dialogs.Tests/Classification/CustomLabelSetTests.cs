using GridBot.Dialogs.Tickets.Classification;
using Xunit;

namespace GridBot.Dialogs.Tests.Classification;

/// <summary>A deployment can replace the six default categories; nothing may assume them.</summary>
public sealed class CustomLabelSetTests
{
    private static readonly (string Text, string Label)[] Rows =
    [
        ("村里的道路硬化工程什么时候开工", "城乡建设"),
        ("老街的房屋外立面改造能不能加快进度", "城乡建设"),
        ("新建的安置房小区还没通自来水", "城乡建设"),
        ("村委会旁边的违章建筑一直没拆", "城乡建设"),
        ("棚户区改造的规划图什么时候公示", "城乡建设"),
        ("小区配套的幼儿园盖了三年还没建好", "城乡建设"),
        ("乡村振兴项目的文化广场建设停工了", "城乡建设"),
        ("这条巷子的雨污分流管网改造做了一半", "城乡建设"),
        ("新农村建设的房子墙体开裂了", "城乡建设"),
        ("老旧小区改造把外墙保温层做坏了", "城乡建设"),
        ("镇上的集贸市场改建工程拖了一年", "城乡建设"),
        ("拆迁后的地块一直空着没开发", "城乡建设"),
        ("化工厂晚上偷排废水，河里的鱼都死了", "环境保护"),
        ("砖厂的烟囱冒黑烟，附近的庄稼都黑了", "环境保护"),
        ("有人在山上偷偷倒工业废渣", "环境保护"),
        ("养殖场的粪水直接排进水库", "环境保护"),
        ("搅拌站粉尘太大，空气呛人", "环境保护"),
        ("焚烧秸秆烟雾弥漫，看不清路", "环境保护"),
        ("湿地里有人非法捕捉候鸟", "环境保护"),
        ("河道采砂把河床挖得乱七八糟", "环境保护"),
        ("电镀厂的废水颜色发绿，流进了农田", "环境保护"),
        ("工业园区晚上排放刺鼻气体", "环境保护"),
        ("有人砍伐山上的防护林卖木头", "环境保护"),
        ("垃圾填埋场渗滤液流到溪里", "环境保护"),
        ("十字路口的红绿灯时间太短，老人过不去", "交通运输"),
        ("公交车站台被拆了，等车只能站在路边", "交通运输"),
        ("乡道上的大货车超载，路都压坏了", "交通运输"),
        ("早高峰学校门口的车堵成一团", "交通运输"),
        ("去县城的客运班车一天只有两趟", "交通运输"),
        ("高速出口没有指示牌，好多车开错", "交通运输"),
        ("渡口的船太旧了，载人过河不放心", "交通运输"),
        ("网约车在地铁口乱停乱放", "交通运输"),
        ("村里的公交线路被取消了，出行很难", "交通运输"),
        ("人行横道的斑马线都磨没了", "交通运输"),
        ("桥上的限高架被货车撞歪了", "交通运输"),
        ("国道上的减速带太多，车颠得厉害", "交通运输"),
    ];

    [Fact]
    public void A_different_label_set_trains_and_predicts()
    {
        var classifier = new TextClassifierTrainer().Train(Rows);

        Assert.Equal(["交通运输", "城乡建设", "环境保护"], classifier.Labels.Order());
        Assert.Equal("环境保护", classifier.Predict("造纸厂往河里排污水，河水都黑了").Label);
        Assert.Equal("交通运输", classifier.Predict("学校门口的红绿灯坏了，车堵得很").Label);
        Assert.Equal("城乡建设", classifier.Predict("安置房的改造工程什么时候开工").Label);

        var evaluation = ClassifierEvaluation.Evaluate(classifier, Rows.Select(r => new LabelledText(r.Text, r.Label)));
        Assert.Equal(3, evaluation.Labels.Count);
        Assert.True(evaluation.Accuracy > 0.9, $"training-set accuracy {evaluation.Accuracy:F3}");
    }

    [Fact]
    public void Custom_columns_are_read_from_csv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gridbot-custom-{Guid.NewGuid():N}.csv");
        try
        {
            var lines = new List<string> { "id,category,content" };
            lines.AddRange(Rows.Select((r, i) => $"{i},{r.Label},\"{r.Text}\""));
            File.WriteAllLines(path, lines);

            var classifier = new TextClassifierTrainer().TrainFromCsv(path, textColumn: "content", labelColumn: "category");

            Assert.Equal("环境保护", classifier.Predict("水泥厂的粉尘太大了").Label);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_single_label_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TextClassifierTrainer().Train([("甲", "一"), ("乙", "一")]));
    }
}
