using Breadcrumb.Kafka.Consuming;

namespace Breadcrumb.Kafka.Hosting;

/// <summary>Handles records of <typeparamref name="TValue"/> in batches, in a hosted consumer registered with <c>AddKafkaBatchHandler</c>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>
/// Resolved from a new DI scope for each batch of up to <see cref="KafkaConsumerOptions{TKey, TValue}.MaxBatchSize"/> records.
/// The batch's offsets are committed after <see cref="HandleAsync"/> returns. A throw retries the whole batch, then
/// sends each of its records to the dead-letter topic.
/// </remarks>
public interface IBatchHandler<TKey, TValue>
{
    /// <summary>Handles one batch.</summary>
    /// <param name="records">The records, in order within each partition.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when every record of the batch is handled.</returns>
    ValueTask HandleAsync(IReadOnlyList<KafkaRecord<TKey, TValue>> records, CancellationToken cancellationToken);
}
