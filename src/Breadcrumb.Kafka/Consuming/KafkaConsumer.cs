namespace Breadcrumb.Kafka.Consuming;

/// <summary>Placeholder.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class KafkaConsumer<TKey, TValue>;
