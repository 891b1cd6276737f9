using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GridBot.Dialogs.Core;
using GridBot.Host.Tests.Announcements;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.StaffConsole;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridBot.Host.Tests.Authorization;

/// <summary>
/// One real host for the whole walk: the demo grids, a grid, community and street token, a recording log provider,
/// and the people of the matrix's columns with what each of them holds (a place to speak, a token, a console session).
/// </summary>
public sealed class AuthorizationWorld : IAsyncLifetime
{
    public const string Phone = "13812345678";
    public const string MaskedPhone = "138****5678";
    public const string IdNumber = "440301199001011234";
    public const string GridChat = "demo-c01-g01";
    public const string GridCode = "DEMO-S01-C01-G01";
    public const string CommunityCode = "DEMO-S01-C01";

    private const string GridToken = "authz-g01-token-0123456789";
    private const string OtherGridToken = "authz-g02-token-0123456789";
    private const string CommunityToken = "authz-c01-token-0123456789";
    private const string StreetToken = "authz-s01-token-0123456789";
    private const string WrongToken = "authz-wrong-token-0123456789";

    private readonly Dictionary<(MatrixRole, bool), ConsoleClient> _consoles = [];
    private readonly Dictionary<string, string> _slots = [];
    private int _reports;

    public static readonly Person Reporter = new("resident-authz-reporter", "张阿姨");
    public static readonly Person Neighbour = new("resident-authz-neighbour", "李大妈");
    public static readonly Person Liaison = new("liaison-c01-g01-m01", "孙大爷");
    public static readonly Person Stranger = new("stranger-authz", "路人甲");

    public RecordingLoggerProvider Logs { get; } = new();

    public GridBotTestHost Host { get; private set; } = null!;

    /// <summary>An announcement to the grid, published by the API: 回执, reading it.</summary>
    public int GridAnnouncement { get; private set; }

    public async Task InitializeAsync()
    {
        var ct = TestTimeout.Token;
        Host = await GridBotTestHost.StartAsync(builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(Logs);
            },
            ct,
            $"--Api:Tokens:1={GridToken}@{GridCode}",
            $"--Api:Tokens:2={OtherGridToken}@DEMO-S01-C01-G02",
            $"--Api:Tokens:3={CommunityToken}@{CommunityCode}",
            $"--Api:Tokens:4={StreetToken}@DEMO-S01",
            "--Console:SignInAttemptsPerMinute=1000",
            "--Tickets:DuplicateWindowHours=0",
            ConsoleClient.PublicBaseUrlSetting,
            "--Logging:LogLevel:Default=Debug",
            "--Logging:LogLevel:Microsoft.AspNetCore=Debug",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Debug");
        // Residents become members of the grid by speaking in its group, as they would.
        foreach (var person in new[] { Reporter, Neighbour, Liaison })
        {
            await Host.Chat(GridChat).SayAsync(person, "帮助", ct);
        }

        GridAnnouncement = await AnnouncementApi.PublishAsync(Host, "第一网格停水通知", "周三9点至12点停水。", [GridCode], requireAck: true, ct);
        await AnnouncementApi.PublishAsync(Host, "关于城乡居民医保缴费的通知", "医保缴费截止12月31日，可在社区服务站办理。", [CommunityCode], requireAck: false, ct);
    }

    public async Task DisposeAsync()
    {
        foreach (var console in _consoles.Values)
        {
            console.Dispose();
        }

        await Host.DisposeAsync();
    }

    /// <summary>Says a command as the role, where the role speaks (docs/AUTHORIZATION.md, "The people").</summary>
    public async Task<Observation> SayAsync(MatrixRole role, string text, bool inPrivate, CancellationToken ct)
    {
        if (role == MatrixRole.NoToken)
        {
            // Claims to be the grid's leader on WeCom, without WeCom's signature.
            var spoof = Host.Chat(GridChat).Build(Person.LeaderWang, text);
            spoof.ChannelId = "wecom";
            using var response = await Host.PostActivityAsync(spoof, ct);
            return new Observation((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        var person = PersonOf(role);
        var script = role is MatrixRole.Unknown or MatrixRole.OtherLeader || inPrivate ? Host.Private(person.Id) : Host.Chat(GridChat);
        return new Observation(200, (await script.SayAsync(person, text, ct)).Text);
    }

    public static Person PersonOf(MatrixRole role) => role switch
    {
        MatrixRole.Reporter => Reporter,
        MatrixRole.Resident => Neighbour,
        MatrixRole.Liaison => Liaison,
        MatrixRole.Worker => Person.WorkerLi,
        MatrixRole.Leader => Person.LeaderWang,
        MatrixRole.OtherLeader => Person.LeaderChen,
        MatrixRole.Community => Person.CommunityZhao,
        MatrixRole.Street => Person.StreetSun,
        _ => Stranger,
    };

    /// <summary>The API token a role holds: its grid's, community's or street's; none for residents; a wrong one for "no token".</summary>
    public static string? TokenOf(MatrixRole role) => role switch
    {
        MatrixRole.Worker or MatrixRole.Leader => GridToken,
        MatrixRole.OtherLeader => OtherGridToken,
        MatrixRole.Community => CommunityToken,
        MatrixRole.Street => StreetToken,
        MatrixRole.NoToken => WrongToken,
        _ => null,
    };

    public async Task<Observation> SendAsync(MatrixRole role, HttpMethod method, string url, object? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : JsonContent.Create(json) };
        if (TokenOf(role) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Host.Http.SendAsync(request, ct);
        return await ObserveAsync(response, ct);
    }

    /// <summary>
    /// The console as the role: staff signed in with their own 控制台 link (or, with <paramref name="byToken"/>, with
    /// their token); residents and strangers with no session; "no token" after a refused sign-in.
    /// </summary>
    public async Task<ConsoleClient> ConsoleAsync(MatrixRole role, bool byToken, CancellationToken ct)
    {
        if (_consoles.TryGetValue((role, byToken), out var existing))
        {
            return existing;
        }

        var console = new ConsoleClient(Host);
        _consoles[(role, byToken)] = console;
        if (role == MatrixRole.NoToken)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await console.SignInWithTokenAsync(WrongToken, ct)).StatusCode);
        }
        else if (TokenOf(role) is { } token)
        {
            var signIn = byToken
                ? await console.SignInWithTokenAsync(token, ct)
                : await console.ExchangeLinkAsync(await ConsoleClient.RequestLinkAsync(Host, PersonOf(role), ct), ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return console;
    }

    public async Task<Observation> ConsoleGetAsync(MatrixRole role, string url, CancellationToken ct)
    {
        var console = await ConsoleAsync(role, byToken: false, ct);
        using var response = await console.Http.GetAsync(url, ct);
        return await ObserveAsync(response, ct);
    }

    /// <summary>An action button: the CSRF token from the board when there is a session, then the form.</summary>
    public async Task<Observation> ConsoleActAsync(MatrixRole role, bool byToken, string number, string action, string text, CancellationToken ct)
    {
        var console = await ConsoleAsync(role, byToken, ct);
        using var board = await console.Http.GetAsync("/console", ct);
        var csrf = board.StatusCode == HttpStatusCode.OK ? ConsoleClient.CsrfOf(await board.Content.ReadAsStringAsync(ct)) : "";
        using var response = await console.Http.PostAsync($"/console/tickets/{number}/actions",
            new FormUrlEncodedContent([new("action", action), new("text", text), new("_csrf", csrf)]), ct);
        return await ObserveAsync(response, ct);
    }

    /// <summary>A ticket in the wanted state for the row, reused until a cell changes it.</summary>
    public async Task<string> TicketAsync(string row, TicketSetup setup, CancellationToken ct)
    {
        if (_slots.TryGetValue(row, out var number))
        {
            return number;
        }

        number = setup == TicketSetup.Consultation ? await AskAsync(ct) : await ReportAsync(ct);
        var leader = Host.Chat(GridChat);
        var prepared = setup switch
        {
            TicketSetup.Assigned => await leader.SayAsync(Person.LeaderWang, $"派单 {number} @李明", ct),
            TicketSetup.Resolved => await leader.SayAsync(Person.LeaderWang, $"办结 {number} 已修好", ct),
            _ => null,
        };
        Assert.True(prepared is null || !prepared.IsSilent);
        _slots[row] = number;
        return number;
    }

    /// <summary>An announcement to <paramref name="target"/> for a withdraw row, reused until a cell withdraws it.</summary>
    public async Task<string> AnnouncementAsync(string row, string target, CancellationToken ct)
    {
        if (!_slots.TryGetValue(row, out var number))
        {
            number = (await AnnouncementApi.PublishAsync(Host, "临时通知" + row, "本周六社区义诊。", [target], requireAck: false, ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _slots[row] = number;
        }

        return number;
    }

    public void Spend(string row) => _slots.Remove(row);

    public Task<string> TicketStateAsync(string number) =>
        Host.QueryAsync(db => db.Tickets.Where(t => t.Number == number).Select(t => t.Status.ToString() + "|" + t.Category).SingleAsync());

    public Task<string> AnnouncementStateAsync(int number) =>
        Host.QueryAsync(db => db.Announcements.Where(a => a.Number == number).Select(a => a.WithdrawnUtc == null ? "live" : "withdrawn").SingleAsync());

    public Task<List<string>> OutboxTextsAsync() => Host.QueryAsync(db => db.Outbox.Select(o => o.Text ?? "").ToListAsync());

    /// <summary>The reporter files a ticket whose text carries a full phone and ID number.</summary>
    /// <summary>A question for a worker, with the reporter's numbers in it (they must never come back in clear).</summary>
    private async Task<string> AskAsync(CancellationToken ct) =>
        (await Host.Chat(GridChat).SayAsync(Reporter, $"咨询 电话{Phone}，{++_reports}号楼的老人能不能申请助餐服务", ct)).TicketNumber;

    private async Task<string> ReportAsync(CancellationToken ct)
    {
        var chat = Host.Chat(GridChat);
        var reply = await chat.SayAsync(Reporter, $"电话{Phone}，身份证{IdNumber}，{++_reports}号楼2单元楼道灯坏了好几天了", ct);
        for (var step = 0; step < 3 && !reply.IsSilent && !reply.Text.Contains("已为您登记工单", StringComparison.Ordinal); step++)
        {
            var answer = reply.Text.Contains("请回复数字选择", StringComparison.Ordinal) ? "1" : reply.Text.Contains("楼栋", StringComparison.Ordinal) ? "3号楼" : "是";
            reply = await chat.SayAsync(Reporter, answer, ct);
        }

        return reply.TicketNumber;
    }

    private static async Task<Observation> ObserveAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return new Observation((int)response.StatusCode, TextOf(bytes), response.Headers.Location?.OriginalString);
    }

    /// <summary>A body as a person would read it; an .xlsx (a zip) as the text of all its parts.</summary>
    private static string TextOf(byte[] bytes)
    {
        if (bytes is not [(byte)'P', (byte)'K', ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
