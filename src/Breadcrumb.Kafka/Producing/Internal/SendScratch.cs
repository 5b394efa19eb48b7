using System.Buffers;
using System.Text.Json;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Serializes records straight to UTF-8 and reuses the buffers, the Confluent <see cref="Message{TKey, TValue}"/>
/// and its empty <see cref="Headers"/> from one send to the next. Used by one thread at a time.
/// </summary>
/// <remarks>
/// Reusing a value array is safe because Confluent.Kafka pins it only for the duration of <c>Produce</c> and passes
/// <c>RD_KAFKA_MSG_F_COPY</c>, so librdkafka copies the bytes before <c>Produce</c> returns; the array is referenced
/// afterwards only when delivery reports carry the value, in which case <c>reuseValues</c> is false.
/// </remarks>
#pragma warning disable CA1001 // The writer wraps our own ArrayBufferWriter: it holds no pooled or native memory to release.
internal sealed class SendScratch
#pragma warning restore CA1001
{
    // Breadcrumb records are 250–450 bytes; one array per exact length, up to this much memory in all.
    private const int MaxCachedLength = 4096;
    private const int MaxCachedBytes = 256 * 1024;

    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter writer;
    private readonly byte[]?[] byLength;
    private int cachedBytes;

    public SendScratch(bool reuseValues)
    {
        var options = BreadcrumbJsonContext.Default.Options;
        writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            MaxDepth = options.MaxDepth,
            SkipValidation = true,
        });
        byLength = reuseValues ? new byte[MaxCachedLength + 1][] : [];
    }

    /// <summary>Gets the message handed to the client; its headers are empty unless a traced send set a <c>traceparent</c> (reset on return).</summary>
    public Message<byte[], byte[]> Message { get; } = new() { Headers = [] };

    /// <summary>Serializes <paramref name="record"/> with the source-generated context into an array of exactly its length.</summary>
    public byte[] Serialize(BreadcrumbRecord record)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, record, BreadcrumbJsonContext.Default.BreadcrumbRecord);
        var written = buffer.WrittenSpan;
        var value = Rent(written.Length);
        written.CopyTo(value);
        return value;
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
