using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Breadcrumb.Kafka.Logging;

/// <summary>
/// Routes a Confluent client's librdkafka log lines and error events to an <see cref="ILogger"/>.
/// </summary>
/// <remarks>
/// <para>Every client the library builds must go through one of the <c>WithLogging</c> methods, even with no
/// logger: a Confluent builder with no log handler writes librdkafka's lines to stderr, and this library never
/// writes to the console. With no <see cref="ILoggerFactory"/> the lines go to <see cref="NullLogger.Instance"/>.</para>
/// <para>Confluent builders accept one log handler and one error handler each (a second call throws), so a client
/// that needs its own error reaction passes it as <c>onError</c> here instead of calling <c>SetErrorHandler</c>.</para>
/// <para>The handlers run on librdkafka's threads: they only log and call <c>onError</c>, which must be quick and
/// must not call back into the client.</para>
/// </remarks>
internal static partial class KafkaClientLogging
{
    /// <summary>The logger category of librdkafka's own lines when the caller has no better one.</summary>
    public const string DefaultCategory = "Breadcrumb.Kafka.Librdkafka";

    /// <summary>Creates the logger for a client, or the null logger when there is no factory.</summary>
    public static ILogger CreateLogger(ILoggerFactory? loggerFactory, string category = DefaultCategory) =>
        loggerFactory?.CreateLogger(category) ?? NullLogger.Instance;

    /// <summary>Installs log and error handlers on a producer builder.</summary>
    public static ProducerBuilder<TKey, TValue> WithLogging<TKey, TValue>(
        this ProducerBuilder<TKey, TValue> builder, ILogger logger, Action<Error>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logger);
        return builder
            .SetLogHandler((_, message) => Log(logger, message))
            .SetErrorHandler((_, error) => OnError(logger, error, onError));
    }

    /// <summary>Installs log and error handlers on a consumer builder.</summary>
    public static ConsumerBuilder<TKey, TValue> WithLogging<TKey, TValue>(
        this ConsumerBuilder<TKey, TValue> builder, ILogger logger, Action<Error>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logger);
        return builder
            .SetLogHandler((_, message) => Log(logger, message))
            .SetErrorHandler((_, error) => OnError(logger, error, onError));
    }

    /// <summary>Installs log and error handlers on an admin client builder.</summary>
    public static AdminClientBuilder WithLogging(this AdminClientBuilder builder, ILogger logger, Action<Error>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logger);
        return builder
            .SetLogHandler((_, message) => Log(logger, message))
            .SetErrorHandler((_, error) => OnError(logger, error, onError));
    }

    /// <summary>Maps a librdkafka (syslog) level to a logging level.</summary>
    public static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    /// <summary>Maps a client error event to a logging level.</summary>
    /// <remarks>
    /// Error events are mostly informational: librdkafka reports a lost broker connection or "all brokers down" and
    /// keeps retrying on its own, so local errors are warnings. Only a fatal error (the client is unusable, e.g. a
    /// fenced idempotent producer) is critical.
    /// </remarks>
    public static LogLevel ToLogLevel(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.IsFatal ? LogLevel.Critical : error.IsLocalError ? LogLevel.Warning : LogLevel.Error;
    }

    /// <summary>Writes one librdkafka log line.</summary>
    public static void Log(ILogger logger, LogMessage message)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(message);
        var level = ToLogLevel(message.Level);
        LibrdkafkaLine(logger, level, message.Facility, message.Name, message.Message);
    }

    /// <summary>Writes one client error event.</summary>
    public static void LogError(ILogger logger, Error error)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(error);
        var level = ToLogLevel(error);
        KafkaError(logger, level, error.Code, error.Reason, error.IsFatal);
    }

    private static void OnError(ILogger logger, Error error, Action<Error>? onError)
    {
        LogError(logger, error);
        onError?.Invoke(error);
    }

    [LoggerMessage(EventId = 1, EventName = "LibrdkafkaLog", Message = "librdkafka {Facility} [{ClientName}]: {KafkaMessage}")]
    private static partial void LibrdkafkaLine(ILogger logger, LogLevel level, string facility, string clientName, string kafkaMessage);

    [LoggerMessage(EventId = 2, EventName = "KafkaError", Message = "Kafka client error {Code}: {Reason} (fatal: {IsFatal})")]
    private static partial void KafkaError(ILogger logger, LogLevel level, ErrorCode code, string reason, bool isFatal);
}
