using System.Buffers;
using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>Turns keys into bytes and back; string keys through a cache, since a topic's keys repeat.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class KeyCodec<TKey>
{
    private readonly KafkaSerde<TKey> serde;
    private readonly KeyBytesCache? strings;
    private readonly SerializationContext context;

    public KeyCodec(KafkaSerde<TKey> serde, string topic)
    {
        this.serde = serde;
        context = new SerializationContext(MessageComponentType.Key, topic);
        if (ReferenceEquals(serde, KafkaSerdes.Utf8))
        {
            strings = new KeyBytesCache();
        }
    }

    public bool IsAsynchronous => serde.IsAsynchronous;

    public byte[]? GetBytes(TKey? key)
    {
        if (key is null)
        {
            return null;
        }

        if (strings is not null)
        {
            return strings.GetBytes((string)(object)key);
        }

        var buffer = new ArrayBufferWriter<byte>(16);
        serde.Serialize(key, buffer, context);
        return buffer.WrittenSpan.ToArray();
    }

    public async ValueTask<byte[]?> GetBytesAsync(TKey? key) =>
        key is null ? null : await serde.SerializeAsync(key, context).ConfigureAwait(false);

    /// <summary>Reads a key back from a delivery report's bytes; a key that cannot be read is reported as <see langword="default"/>.</summary>
    public TKey? GetKey(byte[]? bytes)
    {
        if (bytes is null)
        {
            return default;
        }

        if (strings is not null)
        {
            return (TKey?)(object?)strings.GetKey(bytes);
        }

        if (serde.IsAsynchronous)
        {
            return default;
        }

        try
        {
            return serde.Deserialize(bytes, context);
        }
#pragma warning disable CA1031 // Runs on librdkafka's delivery thread: a key the serde cannot read back must not lose the report.
        catch (Exception)
#pragma warning restore CA1031
        {
            return default;
        }
    }
}
