using System.Globalization;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Tickets.Classification;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Host.Configuration;
using GridBot.Host.Deployment;
using GridBot.Host.StaffConsole;
using GridBot.Store;
using GridBot.Store.Configuration;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GridBot.Host.Doctor;

/// <summary>
/// Checks, before residents start talking, the deployment the host would run with: settings, database, Redis, holiday
/// data, WeCom routes and credentials, tokens, the classifier, and the grid data. It builds the real host (same
/// configuration, same services) but never starts it: nothing is migrated, imported or sent, and no check writes data
/// that stays (the write check is rolled back).
/// </summary>
public static class DeploymentDoctor
{
    public static async Task<IReadOnlyList<DoctorCheck>> ExamineAsync(string[] settings, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = GridBotApp.Build(settings, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        }
        catch (Exception exception)
        {
            return [DoctorCheck.Fail("配置 settings", StartupFailure.Describe(exception), "按提示改正配置后重试。")];
        }

        await using (app)
        {
            var checks = new List<DoctorCheck> { Settings(app.Services) };
            if (checks[0].Outcome == DoctorOutcome.Failed)
            {
                return checks; // every other check reads those settings
            }

            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            checks.Add(await GuardAsync("数据库 database", () => DatabaseAsync(services, cancellationToken)));
            checks.Add(await GuardAsync("Redis", () => RedisAsync(services)));
            checks.Add(await GuardAsync("节假日 holidays", () => Task.FromResult(Holidays(services))));
            checks.Add(await GuardAsync("令牌 tokens", () => Task.FromResult(Tokens(services))));
            checks.Add(await GuardAsync("分类模型 classifier", () => Task.FromResult(Classifier(services))));
            if (checks[1].Outcome == DoctorOutcome.Passed)
            {
                checks.Add(await GuardAsync("网格 grids", () => GridsAsync(services, cancellationToken)));
                checks.Add(await GuardAsync("企业微信群 WeCom groups", () => WeComGroupsAsync(services, cancellationToken)));
            }

            checks.Add(await GuardAsync("企业微信应用 WeCom app", () => WeComAppAsync(services, cancellationToken)));
            return checks;
        }
    }

    private static DoctorCheck Settings(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return DoctorCheck.Pass("配置 settings", "所有配置项有效");
        }
        catch (OptionsValidationException exception)
        {
            return DoctorCheck.Fail("配置 settings", string.Join("；", exception.Failures), "在 appsettings.json、环境变量或命令行（--键=值）中改正。");
        }
    }

    private static async Task<DoctorCheck> DatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string name = "数据库 database";
        var db = services.GetRequiredService<GridBotDbContext>();
        var provider = services.GetRequiredService<IOptions<StoreOptions>>().Value.Provider;
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return DoctorCheck.Fail(name, $"{provider}：无法连接", "检查 ConnectionStrings:GridBot（文件路径或服务器地址、账号）。");
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).Count();
        if (unknown > 0)
        {
            return DoctorCheck.Fail(name, $"数据库里有 {unknown} 个本版本不认识的迁移（数据库比程序新）", "换用与数据库相同或更新的 GridBot 版本。");
        }

        // A write that is rolled back: a full, read-only or locked database fails here, not at the first report.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"__gridbot_doctor\" (\"x\" integer)", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }

        var pending = known.Count(m => !applied.Contains(m));
        return DoctorCheck.Pass(name, pending == 0
            ? $"{provider}：可连接、可写，迁移已是最新"
            : $"{provider}：可连接、可写；启动时将自动应用 {pending} 个迁移");
    }

    private static async Task<DoctorCheck> RedisAsync(IServiceProvider services)
    {
        const string name = "Redis";
        if (string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration))
        {
            return DoctorCheck.Skip(name, "未配置：单机运行，用进程内的锁和去重");
        }

        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        var ping = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5));
        return DoctorCheck.Pass(name, $"可连接（往返 {ping.TotalMilliseconds:0} ms）");
    }

    private static DoctorCheck Holidays(IServiceProvider services)
    {
        const string name = "节假日 holidays";
        var calendar = services.GetRequiredService<ChinaWorkingCalendar>();
        var today = DateOnly.FromDateTime(calendar.ToLocalTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        var loaded = string.Join("、", calendar.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        const string fix = "把国务院办公厅的节假日安排通知存成文本，运行 calendar import-notice 通知.txt --out 文件夹，再把 WorkingCalendar:HolidayDataFolder 指向该文件夹。";
        if (!calendar.HasYear(today.Year))
        {
            return DoctorCheck.Fail(name, $"缺少今年（{today.Year}）的数据（已有：{loaded}），截止时间会忽略节假日和调休", fix);
        }

        // The notice comes out in November; from then on next year's file is due.
        if (today.Month >= 11 && !calendar.HasYear(today.Year + 1))
        {
            return DoctorCheck.Fail(name, $"缺少明年（{today.Year + 1}）的数据（已有：{loaded}）", fix);
        }

        return DoctorCheck.Pass(name, $"已有 {loaded}");
    }

    private static DoctorCheck Tokens(IServiceProvider services)
    {
        const string name = "令牌 tokens";
        var api = services.GetRequiredService<IOptions<ApiOptions>>().Value.Tokens.Count;
        var console = services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Tokens.Count;
        return api + console == 0
            ? DoctorCheck.Fail(name, "没有设置任何令牌：工作人员 API 和控制台都关闭", "设置 Api:Tokens 和/或 Console:Tokens（每个至少 16 个字符，可写成 令牌@网格编码 限定范围）。")
            : DoctorCheck.Pass(name, $"API {api} 个，控制台 {console} 个（长度已校验）");
    }

    private static DoctorCheck Classifier(IServiceProvider services)
    {
        const string name = "分类模型 classifier";
        var settings = services.GetRequiredService<IOptions<ClassifierOptions>>().Value;
        if (!settings.Enabled)
        {
            return DoctorCheck.Skip(name, "已关闭（Classifier:Enabled=false），只按关键词分类");
        }

        var labels = services.GetRequiredService<TicketClassifierProvider>().Current.Labels;
        var taxonomy = services.GetRequiredService<TaxonomyProvider>().Current;
        // The "not a report" label is the model's own, not a category of the taxonomy.
        var unknown = labels.Where(l => l != settings.NotReportLabel && taxonomy.Find(l) is null).ToList();
        return unknown.Count == 0
            ? DoctorCheck.Pass(name, $"可加载，{labels.Count} 个类别都在分类表中")
            : DoctorCheck.Fail(name, $"模型的类别不在分类表中：{string.Join("、", unknown)}", "用与 Tickets:TaxonomyPath 一致的类别重新训练（classifier train），或在分类表中加上这些类别。");
    }

    private static async Task<DoctorCheck> GridsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string name = "网格 grids";
        var db = services.GetRequiredService<GridBotDbContext>();
        var grids = await db.Grids.AsNoTracking().Where(g => g.Level == GridLevel.Grid)
            .Select(g => new
            {
                g.Code,
                g.Name,
                HasLeader = db.Members.Any(m => m.GridId == g.Id && m.Role == MemberRole.Leader),
                HasChat = db.Chats.Any(c => c.GridId == g.Id),
            })
            .ToListAsync(cancellationToken);
        if (grids.Count == 0)
        {
            return DoctorCheck.Fail(name, "还没有网格", "用 import 导入网格、群和人员（JSON / CSV / XLSX），或开启 Demo:Enabled 试用。");
        }

        var noLeader = grids.Where(g => !g.HasLeader).Select(g => g.Code).ToList();
        var noChat = grids.Where(g => !g.HasChat).Select(g => g.Code).ToList();
        if (noLeader.Count == 0 && noChat.Count == 0)
        {
            return DoctorCheck.Pass(name, $"{grids.Count} 个网格都有网格长和群");
        }

        var problems = new List<string>();
        if (noLeader.Count > 0)
        {
            problems.Add($"{noLeader.Count} 个网格没有网格长（{Sample(noLeader)}）");
        }

        if (noChat.Count > 0)
        {
            problems.Add($"{noChat.Count} 个网格没有绑定群（{Sample(noChat)}）");
        }

        return DoctorCheck.Fail(name, string.Join("；", problems), "在导入文件的 members 里给这些网格加上 role 为 Leader（网格长）的人员、在 chats 里绑定它们的群，再 import。");
    }

    private static async Task<DoctorCheck> WeComGroupsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string name = "企业微信群 WeCom groups";
        var db = services.GetRequiredService<GridBotDbContext>();
        var chats = await db.Chats.AsNoTracking().Where(c => c.Channel == WeComWebhookKey.Channel)
            .Select(c => new { c.ChatId, HasKey = c.WebhookKey != null && c.WebhookKey != "" })
            .ToListAsync(cancellationToken);
        if (chats.Count == 0)
        {
            return DoctorCheck.Skip(name, "没有企业微信群");
        }

        var withoutKey = chats.Where(c => !c.HasKey).Select(c => c.ChatId).ToList();
        return withoutKey.Count == 0
            ? DoctorCheck.Pass(name, $"{chats.Count} 个群都有群机器人 key")
            : DoctorCheck.Fail(name, $"{withoutKey.Count}/{chats.Count} 个群没有群机器人 key，公告和提醒推不进去（{Sample(withoutKey)}）", "在导入文件的 chats[].webhookKey 填上群机器人的 key 后重新 import。");
    }

    private static async Task<DoctorCheck> WeComAppAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string name = "企业微信应用 WeCom app";
        var options = services.GetRequiredService<IOptions<WeComOptions>>().Value;
        if (!options.App.IsConfigured)
        {
            return DoctorCheck.Skip(name, "未配置 WeCom:App：网格长收不到私聊提醒");
        }

        var (token, errcode) = await services.GetRequiredService<WeComAccessTokens>().GetAsync(cancellationToken);
        return token is not null
            ? DoctorCheck.Pass(name, $"gettoken 成功（{options.ApiBase.Host}）")
            : DoctorCheck.Fail(name, $"gettoken 失败，errcode {errcode}（{options.ApiBase.Host}）", errcode is 40001 or 40013 or 40091
                ? "WeCom:CorpId 或 WeCom:App:Secret 不对：到企业微信管理后台核对。"
                : "检查 WeCom:ApiBaseUrl、网络和企业可信 IP 设置。");
    }

    private static async Task<DoctorCheck> GuardAsync(string name, Func<Task<DoctorCheck>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return DoctorCheck.Fail(name, StartupFailure.Describe(exception), "按提示处理后再运行 doctor。");
        }
    }

    private static string Sample(IReadOnlyList<string> codes) =>
        string.Join("、", codes.Take(3)) + (codes.Count > 3 ? $" 等 {codes.Count} 个" : "");
}
