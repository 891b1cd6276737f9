using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GridBot.Host.Conversations;

/// <summary>Scene results per behaviour: passed/total, and for each failed scene what was expected and what came.</summary>
internal sealed class Scoreboard(IReadOnlyList<SceneResult> results, TimeSpan elapsed)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The scoreboard is read by people: Chinese stays Chinese in the JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IReadOnlyList<SceneResult> Results { get; } = results;

    /// <summary>From the host's start to the last scene's outcome.</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    public int Passed => Results.Count(r => r.Passed);

    public int Total => Results.Count;

    public double PassRate => Total == 0 ? 0 : (double)Passed / Total;

    public bool AllPassed => Passed == Total;

    public IReadOnlyList<(string Behaviour, int Passed, int Total)> ByBehaviour() =>
        Results.GroupBy(r => r.Behaviour)
            .Select(g => (g.Key, g.Count(r => r.Passed), g.Count()))
            // The rows of CONVERSATIONS.md first (in corpus order), then the bad cases of the issue.
            .OrderBy(b => b.Item1.StartsWith("why:", StringComparison.Ordinal))
            .ThenBy(b => FirstIndex(b.Item1))
            .ToList();

    private int FirstIndex(string behaviour) => Results.Select((r, i) => (r, i)).First(x => x.r.Behaviour == behaviour).i;

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"对话语料评测 / conversation scoreboard: {Passed}/{Total} scenes passed ({PassRate:P1}) in {Elapsed.TotalSeconds:0.0} s");
        text.AppendLine();
        text.AppendLine("| behaviour | passed | total |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (behaviour, passed, total) in ByBehaviour())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {behaviour} | {passed} | {total} |");
        }

        var failed = Results.Where(r => !r.Passed).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"未通过 / failed scenes ({failed.Count}):");
            foreach (var result in failed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"✗ {result.Id} ({result.File}, {result.Behaviour})");
                foreach (var failure in result.Failures)
                {
                    text.AppendLine("    - " + failure);
                }
            }
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        passed = Passed,
        total = Total,
        passRate = Math.Round(PassRate, 4),
        seconds = Math.Round(Elapsed.TotalSeconds, 1),
        behaviours = ByBehaviour().Select(b => new { behaviour = b.Behaviour, passed = b.Passed, total = b.Total }),
        scenes = Results.Select(r => new { id = r.Id, file = r.File, behaviour = r.Behaviour, passed = r.Passed, tickets = r.Tickets, failures = r.Failures }),
    }, JsonOptions);
}
