using System.Buffers;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization.Internal;

/// <summary>Confluent's asynchronous serializers (schema registry serdes).</summary>
/// <typeparam name="T">The key or value type.</typeparam>
internal sealed class ConfluentAsyncSerde<T>(IAsyncSerializer<T>? serializer, IAsyncDeserializer<T>? deserializer) : KafkaSerde<T>
{
    public override bool IsAsynchronous => true;

    public override void Serialize(T value, IBufferWriter<byte> output, SerializationContext context) =>
        throw new NotSupportedException(
            $"The serde of {typeof(T).Name} wraps an asynchronous Confluent serializer: send with SendAsync, not Send.");

    public override async ValueTask<byte[]> SerializeAsync(T value, SerializationContext context) =>
        await (serializer ?? throw new NotSupportedException(
                $"This serde of {typeof(T).Name} was made from a Confluent deserializer only: give KafkaSerdes.FromConfluent a serializer too."))
            .SerializeAsync(value, context).ConfigureAwait(false);

    public override T Deserialize(ReadOnlySpan<byte> data, SerializationContext context) =>
        throw new NotSupportedException(
            $"The serde of {typeof(T).Name} wraps an asynchronous Confluent deserializer: it is read with DeserializeAsync.");

    public override async ValueTask<T> DeserializeAsync(ReadOnlyMemory<byte> data, SerializationContext context) =>
        await (deserializer ?? throw new NotSupportedException(
                $"This serde of {typeof(T).Name} was made from a Confluent serializer only: give KafkaSerdes.FromConfluent a deserializer too."))
            .DeserializeAsync(data, isNull: false, context).ConfigureAwait(false);
}
