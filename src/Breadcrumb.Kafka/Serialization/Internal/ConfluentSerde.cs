using System.Buffers;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization.Internal;

/// <summary>Confluent's synchronous <see cref="ISerializer{T}"/> and <see cref="IDeserializer{T}"/>.</summary>
/// <typeparam name="T">The key or value type.</typeparam>
internal sealed class ConfluentSerde<T>(ISerializer<T>? serializer, IDeserializer<T>? deserializer) : KafkaSerde<T>
{
    public ISerializer<T>? Serializer { get; } = serializer;

    public override void Serialize(T value, IBufferWriter<byte> output, SerializationContext context) =>
        output.Write(SerializeToArray(value, context));

    public override ValueTask<byte[]> SerializeAsync(T value, SerializationContext context) => new(SerializeToArray(value, context));

    public byte[] SerializeToArray(T value, SerializationContext context) =>
        (Serializer ?? throw new NotSupportedException(
            $"This serde of {typeof(T).Name} was made from a Confluent deserializer only: give KafkaSerdes.FromConfluent a serializer too to write {typeof(T).Name}."))
        .Serialize(value, context);

    public override T Deserialize(ReadOnlySpan<byte> data, SerializationContext context) =>
        (deserializer ?? throw new NotSupportedException(
            $"This serde of {typeof(T).Name} was made from a Confluent serializer only: give KafkaSerdes.FromConfluent a deserializer too to read {typeof(T).Name}."))
        .Deserialize(data, isNull: false, context);
}
