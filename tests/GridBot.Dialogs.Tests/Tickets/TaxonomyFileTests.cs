using GridBot.Dialogs.Tickets;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class TaxonomyFileTests
{
    // A taxonomy file as deployments wrote it before the kinds of danger: one flat urgency.keywords list.
    private const string FlatUrgencyFile = """
        {
          "categories": [
            { "name": "安全隐患", "tier": "Grid", "deadlineHours": 8, "keywords": ["井盖", "煤气"] },
            { "name": "社情民意", "tier": "Grid", "deadlineHours": 40, "keywords": ["建议"] }
          ],
          "fallbackCategory": "社情民意",
          "urgency": { "deadlineHours": 2, "keywords": ["着火", "煤气泄漏", "漏电", "被困", "淹了", "流血", "持刀", "救命", "快来人"] },
          "escalation": { "communityDeadlineHours": 24, "streetDeadlineHours": 40 },
          "problemWords": ["坏"],
          "notReportPhrases": ["谢谢"],
          "questionMarkers": ["吗"]
        }
        """;

    [Fact]
    public void AFlatUrgencyListStillLoadsEachWordInTheKindItNames()
    {
        var path = WriteTemp(FlatUrgencyFile);
        try
        {
            var kinds = Taxonomy.Load(path).Urgency.Kinds.ToDictionary(k => k.Name, k => k);

            Assert.Equal(["着火"], kinds["火情"].Keywords);
            Assert.Equal(["煤气泄漏"], kinds["燃气"].Keywords);
            Assert.Equal(["漏电"], kinds["触电"].Keywords);
            Assert.Equal(["被困"], kinds["被困"].Keywords);
            Assert.Equal(["淹了"], kinds["水淹"].Keywords);
            Assert.Equal(["流血"], kinds["伤病"].Keywords);
            Assert.Equal(["持刀"], kinds["暴力"].Keywords);
            Assert.Equal(["救命", "快来人"], kinds[TaxonomyUrgencyKinds.Generic].Keywords);
            Assert.True(kinds[TaxonomyUrgencyKinds.Generic].Generic);
            Assert.False(kinds["火情"].Generic);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFlatUrgencyListStillMakesReportsUrgentAndTellsDangersApart()
    {
        var path = WriteTemp(FlatUrgencyFile);
        try
        {
            var rules = new KeywordTicketUnderstander(new TaxonomyProvider(Options.Create(new TicketOptions { TaxonomyPath = path })));

            Assert.Equal(TicketUrgency.Urgent, rules.Understand("3栋楼道着火了", "G").Urgency);
            Assert.Equal(["火情"], rules.Dangers("3栋楼道着火了"));
            Assert.Empty(rules.Dangers("救命啊"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"taxonomy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
