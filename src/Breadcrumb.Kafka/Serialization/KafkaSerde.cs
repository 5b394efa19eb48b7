using System.Buffers;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization;

/// <summary>
/// Converts values of <typeparamref name="T"/> to and from the bytes of a Kafka key or value, for
/// <see cref="Producing.KafkaProducer{TKey, TValue}"/> and <see cref="Consuming.KafkaConsumer{TKey, TValue}"/>.
/// </summary>
/// <typeparam name="T">The key or value type.</typeparam>
/// <remarks>
/// <para>Get one from <see cref="KafkaSerdes"/>: <see cref="KafkaSerdes.Json{T}(System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>
/// (System.Text.Json with a source-generated context, no reflection), UTF-8 strings, raw bytes, or an adapter over
/// Confluent's serializers (so Confluent.SchemaRegistry.Serdes plug in).</para>
/// <para>A Kafka null (no key, or a tombstone value) never reaches a serde: the clients map it to and from
/// <see langword="default"/>. Implementations must be thread-safe.</para>
/// </remarks>
public abstract class KafkaSerde<T>
{
    /// <summary>Gets a value indicating whether this serde works only asynchronously (for example a schema registry serializer).</summary>
    /// <value><see langword="false"/> unless overridden. When <see langword="true"/>, the clients call only the <c>…Async</c> members.</value>
    public virtual bool IsAsynchronous => false;

    /// <summary>Writes the bytes of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <param name="value">The value; never <see langword="null"/>.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="context">The topic, the component (key or value) and the record's headers.</param>
    /// <exception cref="NotSupportedException">The serde works only asynchronously, or cannot serialize.</exception>
    public abstract void Serialize(T value, IBufferWriter<byte> output, SerializationContext context);

    /// <summary>Serializes <paramref name="value"/> asynchronously.</summary>
    /// <param name="value">The value; never <see langword="null"/>.</param>
    /// <param name="context">The topic, the component (key or value) and the record's headers.</param>
    /// <returns>The bytes.</returns>
    /// <remarks>The default runs <see cref="Serialize(T, IBufferWriter{byte}, SerializationContext)"/>.</remarks>
    public virtual ValueTask<byte[]> SerializeAsync(T value, SerializationContext context)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(value, buffer, context);
        return new ValueTask<byte[]>(buffer.WrittenSpan.ToArray());
    }

    /// <summary>Reads a value from the bytes of a key or value.</summary>
    /// <param name="data">The bytes; never a Kafka null.</param>
    /// <param name="context">The topic, the component (key or value) and the record's headers.</param>
    /// <returns>The value.</returns>
    /// <exception cref="NotSupportedException">The serde works only asynchronously, or cannot deserialize.</exception>
    /// <exception cref="System.Text.Json.JsonException">A JSON serde met malformed JSON or a shape without a required member.</exception>
    public abstract T Deserialize(ReadOnlySpan<byte> data, SerializationContext context);

    /// <summary>Reads a value asynchronously.</summary>
    /// <param name="data">The bytes; never a Kafka null.</param>
    /// <param name="context">The topic, the component (key or value) and the record's headers.</param>
    /// <returns>The value.</returns>
    /// <remarks>The default runs <see cref="Deserialize(ReadOnlySpan{byte}, SerializationContext)"/>.</remarks>
    public virtual ValueTask<T> DeserializeAsync(ReadOnlyMemory<byte> data, SerializationContext context) =>
        new(Deserialize(data.Span, context));
}
