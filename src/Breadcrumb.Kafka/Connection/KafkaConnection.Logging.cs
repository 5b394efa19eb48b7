using Breadcrumb.Kafka.Logging;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka;

/// <summary>Carries the logger factory that clients built from a connection log librdkafka's lines and errors to.</summary>
public sealed partial class KafkaConnection
{
    /// <summary>Gets the logger factory clients built from this connection log to; <see langword="null"/> logs nowhere.</summary>
    internal ILoggerFactory? LoggerFactory { get; }

    /// <summary>
    /// Returns a copy whose producers, consumers and admin clients send librdkafka's log lines and error events to
    /// <paramref name="loggerFactory"/> (category: the client's type name).
    /// </summary>
    /// <param name="loggerFactory">The logger factory; <see langword="null"/> turns logging off.</param>
    /// <returns>A connection with the same properties that logs to <paramref name="loggerFactory"/>.</returns>
    /// <remarks>Without a logger factory the library logs nowhere: it never writes to the console.</remarks>
    public KafkaConnection WithLoggerFactory(ILoggerFactory? loggerFactory) =>
        new(new Dictionary<string, string>(Properties), new Dictionary<string, string>(ConsumerProperties), Source, loggerFactory);

    /// <summary>Creates the logger a client of type <typeparamref name="T"/> gives to <see cref="KafkaClientLogging"/>.</summary>
    internal ILogger CreateLogger<T>() => CreateLogger(typeof(T).FullName ?? typeof(T).Name);

    /// <summary>Creates the logger of a logging category for <see cref="KafkaClientLogging"/>.</summary>
    internal ILogger CreateLogger(string category) => KafkaClientLogging.CreateLogger(LoggerFactory, category);
}
