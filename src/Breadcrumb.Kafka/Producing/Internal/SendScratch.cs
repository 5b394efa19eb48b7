using System.Buffers;
using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Serializes values straight into a reused buffer (a JSON serde writes UTF-8 there directly) and reuses the buffers, the Confluent <see cref="Message{TKey, TValue}"/>
/// and its empty <see cref="Headers"/> from one send to the next. Used by one thread at a time.
/// </summary>
/// <remarks>
/// Reusing a value array is safe because Confluent.Kafka pins it only for the duration of <c>Produce</c> and passes
/// <c>RD_KAFKA_MSG_F_COPY</c>, so librdkafka copies the bytes before <c>Produce</c> returns; the array is referenced
/// afterwards only when delivery reports carry the value, in which case <c>reuseValues</c> is false.
/// </remarks>
#pragma warning disable CA1001 // The writer wraps our own ArrayBufferWriter: it holds no pooled or native memory to release.
internal sealed class SendScratch<TValue>
#pragma warning restore CA1001
{
    // Records of one topic tend to have few lengths (breadcrumbs are 250–450 bytes); one array per exact length, up to this much memory in all.
    private const int MaxCachedLength = 4096;
    private const int MaxCachedBytes = 256 * 1024;

    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly KafkaSerde<TValue> serde;
    private readonly string topic;
    private readonly byte[]?[] byLength;
    private int cachedBytes;

    public SendScratch(KafkaSerde<TValue> serde, string topic, bool reuseValues)
    {
        this.serde = serde;
        this.topic = topic;
        Message = new Message<byte[], byte[]> { Headers = EmptyHeaders };
        byLength = reuseValues ? new byte[MaxCachedLength + 1][] : [];
    }

    /// <summary>Gets the empty headers a send without headers of its own carries.</summary>
    public Headers EmptyHeaders { get; } = [];

    /// <summary>Gets the message handed to the client; its headers are the caller's, or empty (reset on return).</summary>
    public Message<byte[], byte[]> Message { get; }

    /// <summary>Serializes <paramref name="value"/> into an array of exactly its length; a null value is a Kafka null (tombstone).</summary>
    public byte[]? Serialize(TValue? value, Headers? headers)
    {
        if (value is null)
        {
            return null;
        }

        buffer.ResetWrittenCount();
        serde.Serialize(value, buffer, new SerializationContext(MessageComponentType.Value, topic, headers));
        var written = buffer.WrittenSpan;
        var bytes = Rent(written.Length);
        written.CopyTo(bytes);
        return bytes;
    }

    private byte[] Rent(int length)
    {
        if (length >= byLength.Length)
        {
            return new byte[length];
        }

        if (byLength[length] is { } cached)
        {
            return cached;
        }

        var array = new byte[length];
        if (cachedBytes + length <= MaxCachedBytes)
        {
            byLength[length] = array;
            cachedBytes += length;
        }

        return array;
    }
}
