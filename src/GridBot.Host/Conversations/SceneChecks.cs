using System.Text.Json;

namespace GridBot.Host.Conversations;

/// <summary>Expected against observed, one readable line per difference ("expected … got …").</summary>
internal static class SceneChecks
{
    public static IEnumerable<string> Reply(ReplyExpectation expect, int replies, string text)
    {
        var shown = replies == 0 ? "no reply" : $"\"{Flat(text)}\"";
        if (expect.Reply == false && replies > 0)
        {
            yield return $"expected no reply, got {shown}";
            yield break;
        }

        if (expect.Reply == true && replies == 0)
        {
            yield return "expected a reply, got none";
            yield break;
        }

        var missing = expect.Contains.Where(c => !text.Contains(c, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            yield return $"expected the reply to contain {Quote(missing)}, got {shown}";
        }

        if (expect.ContainsAny.Count > 0 && !expect.ContainsAny.Any(c => text.Contains(c, StringComparison.Ordinal)))
        {
            yield return $"expected the reply to contain one of {Quote(expect.ContainsAny)}, got {shown}";
        }

        var unwanted = expect.NotContains.Where(c => text.Contains(c, StringComparison.Ordinal)).ToList();
        if (unwanted.Count > 0)
        {
            yield return $"expected the reply not to contain {Quote(unwanted)}, got {shown}";
        }
    }

    public static IEnumerable<string> Never(IEnumerable<string> forbidden, IReadOnlyList<string> said)
    {
        foreach (var word in forbidden)
        {
            if (said.FirstOrDefault(s => s.Contains(word, StringComparison.Ordinal)) is { } hit)
            {
                yield return $"expected the bot never to say \"{word}\", got \"{Flat(hit)}\"";
            }
        }
    }

    public static IEnumerable<string> Messages(IReadOnlyList<MessageExpectation> expected, SceneStage stage, IReadOnlyList<SceneMessage> messages)
    {
        foreach (var want in expected)
        {
            var to = want.To == "group" ? "group" : stage.Speaker(want.To)?.Name;
            if (to is null)
            {
                yield return $"a message is expected to '{want.To}', who is not in the scene";
                continue;
            }

            var theirs = messages.Where(m => m.To == to).Select(m => m.Text).ToList();
            var matching = theirs.Count(t => want.Contains.All(c => t.Contains(c, StringComparison.Ordinal)));
            if (want.Count is { } count ? matching != count : matching == 0)
            {
                var where = to == "group" ? "the group" : $"{to} in private";
                var how = want.Count is { } exactly ? $"{exactly} message(s)" : "a message";
                yield return $"expected {how} to {where} containing {Quote(want.Contains)}, got " +
                    (theirs.Count == 0 ? "no message" : $"{matching} of: " + string.Join(" | ", theirs.Select(t => $"\"{Flat(t)}\"")));
            }
        }
    }

    public static IEnumerable<string> Tickets(IReadOnlyList<TicketExpectation> expected, IReadOnlyList<JsonElement> tickets)
    {
        if (expected.Count != tickets.Count)
        {
            yield return $"expected {expected.Count} ticket(s), got {tickets.Count}" + (tickets.Count == 0 ? "" : ": " + string.Join(" | ", tickets.Select(Describe)));
            if (expected.Count == 0 || tickets.Count == 0)
            {
                yield break;
            }
        }

        // Each expected ticket takes a different real one; the scene does not care in which order they were filed.
        var assignment = Assign(expected, tickets, 0, new bool[tickets.Count]);
        if (assignment is not null)
        {
            yield break;
        }

        foreach (var want in expected)
        {
            var best = tickets.Select(t => (Ticket: t, Differences: Differences(want, t).ToList()))
                .OrderBy(c => c.Differences.Count).First();
            if (best.Differences.Count > 0)
            {
                yield return $"ticket {Number(best.Ticket)}: " + string.Join("; ", best.Differences) + $" [{Describe(best.Ticket)}]";
            }
        }
    }

    public static IEnumerable<string> EveryTicket(TicketExpectation want, IReadOnlyList<JsonElement> tickets) =>
        tickets.Select(t => (Ticket: t, Differences: Differences(want, t).ToList()))
            .Where(c => c.Differences.Count > 0)
            .Select(c => $"every ticket: {Number(c.Ticket)}: " + string.Join("; ", c.Differences) + $" [{Describe(c.Ticket)}]");

    private static int[]? Assign(IReadOnlyList<TicketExpectation> expected, IReadOnlyList<JsonElement> tickets, int index, bool[] taken)
    {
        if (index == expected.Count)
        {
            return [];
        }

        for (var i = 0; i < tickets.Count; i++)
        {
            if (taken[i] || Differences(expected[index], tickets[i]).Any())
            {
                continue;
            }

            taken[i] = true;
            if (Assign(expected, tickets, index + 1, taken) is { } rest)
            {
                return [i, .. rest];
            }

            taken[i] = false;
        }

        return null;
    }

    private static IEnumerable<string> Differences(TicketExpectation want, JsonElement ticket)
    {
        var category = Text(ticket, "category");
        if (want.Category is not null && category != want.Category)
        {
            yield return $"expected category {want.Category}, got {category}";
        }

        if (want.CategoryIn.Count > 0 && !want.CategoryIn.Contains(category ?? ""))
        {
            yield return $"expected category one of {string.Join("/", want.CategoryIn)}, got {category}";
        }

        var place = Text(ticket, "place") ?? "";
        foreach (var part in want.PlaceContains.Where(p => !place.Contains(p, StringComparison.Ordinal)))
        {
            yield return $"expected place containing \"{part}\", got \"{place}\"";
        }

        foreach (var part in want.PlaceNotContains.Where(p => place.Contains(p, StringComparison.Ordinal)))
        {
            yield return $"expected place without \"{part}\", got \"{place}\"";
        }

        var description = Text(ticket, "description") ?? "";
        foreach (var part in want.DescriptionContains.Where(p => !description.Contains(p, StringComparison.Ordinal)))
        {
            yield return $"expected description containing \"{part}\", got \"{Flat(description)}\"";
        }

        foreach (var part in want.DescriptionNotContains.Where(p => description.Contains(p, StringComparison.Ordinal)))
        {
            yield return $"expected description without \"{part}\", got \"{Flat(description)}\"";
        }

        if (want.Urgency is not null && !string.Equals(Text(ticket, "urgency"), want.Urgency, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"expected urgency {want.Urgency}, got {Text(ticket, "urgency")}";
        }

        if (want.Status is not null && !string.Equals(Text(ticket, "status"), want.Status, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"expected status {want.Status}, got {Text(ticket, "status")}";
        }

        // Fields the #14 branches add to the staff API: absent today means the scene fails, it does not crash.
        if (want.AppealType is not null)
        {
            var appeal = ticket.TryGetProperty("appealType", out var a) ? a.ToString() : null;
            if (appeal is null)
            {
                yield return $"expected appealType {want.AppealType}, but the staff API has no appealType field";
            }
            else if (!string.Equals(appeal, want.AppealType, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"expected appealType {want.AppealType}, got {appeal}";
            }
        }

        if (want.UrgeCount is { } urges)
        {
            if (!ticket.TryGetProperty("urgeCount", out var u) || u.ValueKind != JsonValueKind.Number)
            {
                yield return $"expected urgeCount {urges}, but the staff API has no urgeCount field";
            }
            else if (u.GetInt32() != urges)
            {
                yield return $"expected urgeCount {urges}, got {u.GetInt32()}";
            }
        }

        if (want.Reporters is { } reporters && Count(ticket, "reporters") != reporters)
        {
            yield return $"expected {reporters} reporter(s), got {Count(ticket, "reporters")}";
        }

        if (want.Reporter is not null && !(ticket.TryGetProperty("reporters", out var r) && r.ValueKind == JsonValueKind.Array
                && r.EnumerateArray().Any(x => Text(x, "name") == want.Reporter)))
        {
            yield return $"expected {want.Reporter} among the reporters, got {Names(ticket)}";
        }

        if (want.Photos is { } photos && Count(ticket, "photos") != photos)
        {
            yield return $"expected {photos} photo(s), got {Count(ticket, "photos")}";
        }

        if (want.OwnerContains is not null && !(Text(ticket, "owner") ?? "").Contains(want.OwnerContains, StringComparison.Ordinal))
        {
            yield return $"expected owner {want.OwnerContains}, got {Text(ticket, "owner") ?? "none"}";
        }

        var history = ticket.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Select(e => Text(e, "action") ?? "").ToList()
            : [];
        foreach (var action in want.History.Where(a => !history.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"expected a {action} event in the history, got {(history.Count == 0 ? "none" : string.Join(",", history))}";
        }
    }

    private static string Describe(JsonElement t) =>
        $"{Number(t)} {Text(t, "category")} place=\"{Text(t, "place")}\" {Text(t, "status")} {Text(t, "urgency")}" +
        (t.TryGetProperty("appealType", out var a) ? $" {a}" : "") + $" \"{Shorten(Text(t, "description") ?? "", 30)}\"";

    private static string Names(JsonElement t) =>
        t.TryGetProperty("reporters", out var r) && r.ValueKind == JsonValueKind.Array
            ? string.Join("、", r.EnumerateArray().Select(x => Text(x, "name")))
            : "none";

    private static string Number(JsonElement t) => Text(t, "number") ?? "?";

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined ? v.ToString() : null;

    private static int Count(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0;

    private static string Quote(IEnumerable<string> words) => string.Join(", ", words.Select(w => $"\"{w}\""));

    private static string Flat(string text) => Shorten(text, 120);

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ⏎ ");
        return line.Length <= max ? line : line[..max] + "…";
    }
}
