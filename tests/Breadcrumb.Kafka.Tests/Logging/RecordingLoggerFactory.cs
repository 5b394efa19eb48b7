using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Tests.Logging;

/// <summary>Hands out one <see cref="RecordingLogger"/> per category.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentDictionary<string, RecordingLogger> Loggers { get; } = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => Loggers.GetOrAdd(categoryName, _ => new RecordingLogger());

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
