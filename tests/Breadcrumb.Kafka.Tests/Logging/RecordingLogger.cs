using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Tests.Logging;

/// <summary>A logger that keeps what it was given, safe to call from librdkafka's threads.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly TaskCompletionSource<Entry> firstError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>Gets a task that completes with the first entry of event id 2 (a client error event).</summary>
    public Task<Entry> FirstError => firstError.Task;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new Entry(logLevel, eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []);
        Entries.Enqueue(entry);
        if (eventId.Id == 2)
        {
            firstError.TrySetResult(entry);
        }
    }

    internal sealed record Entry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public object? this[string name] => State.FirstOrDefault(p => p.Key == name).Value;
    }
}
