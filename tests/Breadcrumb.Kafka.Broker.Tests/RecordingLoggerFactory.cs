using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Tests;

/// <summary>Keeps every line the broker logs, with its level and exception, so tests can check what was (not) written.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> entries = new();

    /// <summary>Gets every line, as "Level: message exception".</summary>
    public IEnumerable<string> Lines => entries.Select(e => $"{e.Level}: {e.Text}");

    /// <summary>Gets the lines logged at Error or above: something went wrong inside the broker.</summary>
    public IEnumerable<string> Errors => entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, $"{formatter(state, exception)} {exception}"));
    }
}
