using Breadcrumb.Kafka.Consuming;

namespace Breadcrumb.Kafka.Hosting;

/// <summary>Handles records of <typeparamref name="TValue"/> one at a time, in a hosted consumer registered with <c>AddKafkaHandler</c>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>
/// Resolved from a new DI scope for each record. The record's offset is committed after <see cref="HandleAsync"/>
/// returns (at least once: a record being handled when the process dies is handled again). A throw is retried
/// (<see cref="KafkaConsumerOptions{TKey, TValue}.RetryCount"/>), then the record goes to the dead-letter topic.
/// </remarks>
public interface IRecordHandler<TKey, TValue>
{
    /// <summary>Handles one record.</summary>
    /// <param name="record">The record, with its topic, partition, offset, timestamp and headers.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the record is handled.</returns>
    ValueTask HandleAsync(KafkaRecord<TKey, TValue> record, CancellationToken cancellationToken);
}
