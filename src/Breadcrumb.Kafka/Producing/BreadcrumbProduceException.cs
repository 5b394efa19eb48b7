using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Reports that a <c>BreadcrumbProducer</c> could not send: the Kafka error code, what it means, and what to do.
/// </summary>
/// <remarks>
/// Derives from <see cref="KafkaException"/>, so existing <c>catch (KafkaException)</c> blocks still catch it;
/// <see cref="KafkaException.Error"/> carries the code and whether it is fatal. After a fatal error the producer
/// refuses every further send: dispose it and create a new one.
/// </remarks>
public sealed class BreadcrumbProduceException : KafkaException
{
    /// <summary>Initializes a new instance of the <see cref="BreadcrumbProduceException"/> class.</summary>
    /// <param name="error">The Kafka error.</param>
    /// <param name="producer">The producer's name.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="innerException">The exception that reported it, if any.</param>
    public BreadcrumbProduceException(Error error, string producer, string topic, Exception? innerException = null)
        : base(error ?? throw new ArgumentNullException(nameof(error)), innerException)
    {
        Producer = producer;
        Topic = topic;
        Meaning = ProduceErrorHints.MeaningOf(error.Code);
        Hint = ProduceErrorHints.HintFor(error.Code);
    }

    /// <summary>Gets the name of the producer that failed.</summary>
    public string Producer { get; }

    /// <summary>Gets the topic it was sending to.</summary>
    public string Topic { get; }

    /// <summary>Gets what the error code means, in librdkafka's words.</summary>
    public string Meaning { get; }

    /// <summary>Gets what to check or change.</summary>
    public string Hint { get; }

    /// <summary>Gets the whole story: producer, topic, error code, reason, meaning and hint.</summary>
    public override string Message =>
        $"Producer '{Producer}' could not send to topic '{Topic}': {Error.Reason} " +
        $"({Error.Code}{(Error.IsFatal ? ", fatal" : string.Empty)}: {Meaning}). Hint: {Hint}";
}
