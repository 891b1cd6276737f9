using GridBot.Store;
using Microsoft.AspNetCore.Diagnostics;

namespace GridBot.Host.Storage;

/// <summary>
/// A request whose write the database refused (full, read-only, locked past the busy timeout) is answered 503 with a
/// polite Chinese text and Retry-After: a channel answered 200 only after its message is stored, so WeCom and Bot
/// Framework clients retry, and the same msgid later makes exactly one ticket. The log names the reason, never the data.
/// </summary>
internal sealed partial class StorageUnavailableHandler(ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public const string Busy = "系统繁忙，请稍后再试。";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StoreErrors.StorageUnavailableReason(exception) is not { } reason)
        {
            return false;
        }

        LogStorageUnavailable(logger, reason, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync(Busy, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request to {Path} refused with 503: {Reason}; nothing was acknowledged, the sender will retry")]
    private static partial void LogStorageUnavailable(ILogger logger, string reason, string path);
}
