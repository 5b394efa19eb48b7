using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Hosting;

/// <summary>The hosted handler's own log lines (librdkafka's go to the client's category).</summary>
internal static partial class HandlerLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Kafka handler {Handler} failed on {Topic} [{Partition}] @{Offset} (attempt {Attempt}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string handler, string topic, int partition, long offset, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Kafka handler {Handler} sent the record at {Topic} [{Partition}] @{Offset} to dead-letter topic {DeadLetterTopic} (stage {Stage})")]
    public static partial void DeadLettered(ILogger logger, string handler, string topic, int partition, long offset, string deadLetterTopic, string stage, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Kafka handler {Handler} stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string handler, string reason, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Kafka handler {Handler} reading {Topics} in group {Group}")]
    public static partial void Started(ILogger logger, string handler, string topics, string group);
}
