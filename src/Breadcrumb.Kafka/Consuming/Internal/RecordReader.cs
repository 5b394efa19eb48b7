using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Consuming;

/// <summary>Turns raw consume results into <see cref="KafkaRecord{TKey, TValue}"/>s, with errors that say where the bad record is.</summary>
internal sealed class RecordReader<TKey, TValue>(KafkaSerde<TKey> keys, KafkaSerde<TValue> values)
{
    private static readonly Headers NoHeaders = [];

    public async ValueTask<KafkaRecord<TKey, TValue>> ReadAsync(ConsumeResult<byte[], byte[]> result)
    {
        var message = result.Message;
        var headers = message.Headers ?? NoHeaders;
        var key = await ReadAsync(keys, message.Key, MessageComponentType.Key, result, headers).ConfigureAwait(false);
        var value = await ReadAsync(values, message.Value, MessageComponentType.Value, result, headers).ConfigureAwait(false);
        return new KafkaRecord<TKey, TValue>(
            result.Topic,
            result.Partition.Value,
            result.Offset.Value,
            message.Timestamp.UtcDateTime,
            message.Timestamp.Type,
            headers,
            key,
            value);
    }

    private static async ValueTask<T?> ReadAsync<T>(
        KafkaSerde<T> serde, byte[]? data, MessageComponentType component, ConsumeResult<byte[], byte[]> result, Headers headers)
    {
        if (data is null)
        {
            return default;
        }

        var context = new SerializationContext(component, result.Topic, headers);
        try
        {
            return serde.IsAsynchronous ? await serde.DeserializeAsync(data, context).ConfigureAwait(false) : serde.Deserialize(data, context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var code = component == MessageComponentType.Key ? ErrorCode.Local_KeyDeserialization : ErrorCode.Local_ValueDeserialization;
            var what = component == MessageComponentType.Key ? "key" : "value";
            var reason =
                $"The {what} of the record at {result.Topic} [{result.Partition.Value}] @{result.Offset.Value} is not a {typeof(T).Name}: {ex.Message} " +
                $"Fix the producer of that record, or set a DeadLetterTopic so a hosted handler moves such records aside.";
            throw new ConsumeException(result, new Error(code, reason), ex);
        }
    }
}
