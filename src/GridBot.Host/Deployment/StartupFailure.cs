using System.Data.Common;
using GridBot.Dialogs.Calendar;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Deployment;

/// <summary>
/// Starts the bot and turns a failed start into one line an operator can act on (Chinese + English, naming the key or
/// file and the fix) and a non-zero exit code, instead of the host's stack traces. <c>--verbose</c> keeps the traces.
/// </summary>
public static class StartupFailure
{
    private const string VerboseFlag = "--verbose";

    // The generic host logs a failed start with its stack trace before rethrowing; while starting, that log is ours to
    // replace. After the start the filter lets everything through, so a background service's fault is still logged.
    private static volatile bool starting = true;

    public static async Task<int> RunBotAsync(string[] args, CancellationToken cancellationToken)
    {
        var verbose = args.Contains(VerboseFlag, StringComparer.Ordinal);
        var settings = args.Where(a => a != VerboseFlag).ToArray();
        WebApplication app;
        try
        {
            app = GridBotApp.Build(settings, builder =>
            {
                if (!verbose)
                {
                    builder.Logging.AddFilter((category, level) =>
                        !(starting && level >= LogLevel.Error && category == "Microsoft.Extensions.Hosting.Internal.Host"));
                }
            });
            // The options validators ValidateOnStart registered, run before anything starts listening or migrating.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (!verbose && exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(Describe(exception));
            return 1;
        }

        starting = false;
        await app.WaitForShutdownAsync(cancellationToken);
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>The one line for a failed start.</summary>
    public static string Describe(Exception exception)
    {
        var root = Unwrap(exception);
        var line = root switch
        {
            OptionsValidationException options =>
                $"配置有误 / invalid setting: {string.Join("；", options.Failures)} — 请在 appsettings.json、环境变量或命令行（--键=值）中改正后重试。",
            // The configuration binder's "cannot convert": its message names the key and the value, the parser's inner one neither.
            InvalidOperationException { InnerException: FormatException } binding =>
                $"配置有误 / invalid setting: {binding.Message} — 请在 appsettings.json、环境变量或命令行（--键=值）中改正后重试。",
            HolidayDataException holiday =>
                $"节假日数据有误 / holiday data: {holiday.Message} — 改正该文件，或用 calendar import-notice 重新生成。",
            IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
                $"端口已被占用 / port in use: {io.Message} — 停止占用它的程序，或换一个地址：--urls http://localhost:5081",
            DbException db =>
                $"数据库无法打开或写入 / database cannot be opened: {db.Message} — 检查 ConnectionStrings:GridBot 指向的文件或服务器、所在文件夹是否可写。",
            UnauthorizedAccessException access =>
                $"没有权限 / access denied: {access.Message} — 检查运行账户对该文件或文件夹的权限。",
            FileNotFoundException file =>
                $"找不到文件 / file not found: {file.FileName ?? file.Message} — 检查配置里的路径。",
            DirectoryNotFoundException folder =>
                $"找不到文件夹 / folder not found: {folder.Message} — 检查配置里的路径。",
            _ => $"启动失败 / start failed: {root.GetType().Name}: {root.Message}",
        };
        return OneLine(line) + $"（加 {VerboseFlag} 查看详情 / for details）";
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                case AggregateException aggregate when aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } options:
                    return options;
                case OptionsValidationException or HolidayDataException or DbException or InvalidOperationException { InnerException: FormatException }:
                    return exception;
                case { InnerException: { } inner } when exception is InvalidOperationException or System.Reflection.TargetInvocationException:
                    exception = inner;
                    continue;
                default:
                    return exception;
            }
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
