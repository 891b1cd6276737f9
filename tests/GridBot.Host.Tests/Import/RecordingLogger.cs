using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GridBot.Host.Tests.Import;

/// <summary>A real logger that keeps every formatted message and argument, so a test can prove what never reached the log.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var arguments = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        _entries.Enqueue($"{logLevel}: {formatter(state, exception)} | {arguments} | {exception}");
    }
}
