using static GridBot.Host.Tests.Authorization.AuthorizationWorld;

namespace GridBot.Host.Tests.Authorization;

/// <summary>
/// Walks the authorization matrix of docs/AUTHORIZATION.md (parsed from the document) against one real host: every
/// row as every role, the answer checked against the cell, and no full phone or ID number anywhere it should not be.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationWorld world) : IClassFixture<AuthorizationWorld>
{
    /// <summary>The polite refusals of the commands: who may do it, never an error.</summary>
    private static readonly string[] Refusals =
    [
        "是网格员、网格长使用的功能", "只能由反映人评价", "公告由网格长或社区、街道工作人员发布", "请在网格群里发送",
        "派工单由网格长", "只有本网格的网格长", "只有发布人", "登录链接只能在私聊中发送",
    ];

    [Fact]
    public void The_document_and_the_walk_know_the_same_rows()
    {
        var documented = AuthorizationMatrix.Load().Rows.Select(r => r.Id).ToList();
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(MatrixActions.For(world).Keys.Order(), documented.Order());
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_holds_and_no_full_phone_or_id_number_leaks()
    {
        // About 450 cells on one host: a wider bound than one scenario's, still a bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var actions = MatrixActions.For(world);
        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Load().Rows)
        {
            var action = actions[row.Id];
            foreach (var (role, expected) in row.Cells)
            {
                var seen = await action.Perform(role, ct);
                if (Why(action, expected, seen) is { } why)
                {
                    failures.Add($"{row.Id} as {role}: expected {expected}, {why} — {seen.Status} {Shorten(seen.Text)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cell(s) do not hold:\n" + string.Join("\n", failures));

        // What went out of turn (group notices, private notices) and what the host logged while the walk ran.
        var outbox = await world.OutboxTextsAsync();
        Assert.NotEmpty(outbox);
        Assert.DoesNotContain(outbox, HasFullNumbers);
        Assert.NotEmpty(world.Logs.Lines);
        Assert.DoesNotContain(world.Logs.Lines, HasFullNumbers);
    }

    /// <returns>Why the observation breaks the cell, or null when it holds.</returns>
    private static string? Why(MatrixRow row, Expectation expected, Observation seen)
    {
        var succeeded = row.Succeeded(seen);
        var verdict = expected switch
        {
            Expectation.Allow or Expectation.AllowMasked or Expectation.AllowFull when !succeeded => "it did not succeed",
            Expectation.Allow or Expectation.AllowMasked or Expectation.AllowFull when row.Moves && seen.Changed != true => "nothing changed",
            Expectation.Refused when seen.Status != 200 || !Refusals.Any(r => seen.Text.Contains(r, StringComparison.Ordinal)) => "no polite refusal",
            Expectation.NotFound when seen.Status != 200 || !seen.Text.Contains("没有找到", StringComparison.Ordinal) => "no not-found answer",
            Expectation.Unknown when !seen.Text.Contains("系统里还没有您的登记信息", StringComparison.Ordinal) => "not treated as unknown",
            Expectation.SignIn when seen.Status != 302 || seen.Location != "/console/signin" => "no redirect to sign-in",
            Expectation.Status401 when seen.Status != 401 => "not 401",
            Expectation.Status403 when seen.Status != 403 => "not 403",
            Expectation.Status404 when seen.Status != 404 => "not 404",
            Expectation.Allow or Expectation.AllowMasked or Expectation.AllowFull => null,
            _ when succeeded || seen.Changed == true => "a denied cell succeeded or changed something",
            _ => null,
        };
        return verdict ?? expected switch
        {
            Expectation.AllowFull when !seen.Text.Contains(Phone, StringComparison.Ordinal) || !seen.Text.Contains(IdNumber, StringComparison.Ordinal) =>
                "the full phone and ID number are not shown",
            Expectation.AllowFull => null,
            Expectation.AllowMasked when !seen.Text.Contains(MaskedPhone, StringComparison.Ordinal) => "the masked phone is not shown",
            _ when HasFullNumbers(seen.Text) => "a full phone or ID number is shown",
            _ => null,
        };
    }

    private static bool HasFullNumbers(string text) =>
        text.Contains(Phone, StringComparison.Ordinal) || text.Contains(IdNumber, StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
