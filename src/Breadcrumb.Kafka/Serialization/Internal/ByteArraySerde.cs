using System.Buffers;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization.Internal;

/// <summary>Bytes as they are.</summary>
internal sealed class ByteArraySerde : KafkaSerde<byte[]>
{
    public override void Serialize(byte[] value, IBufferWriter<byte> output, SerializationContext context) => output.Write(value);

    public override byte[] Deserialize(ReadOnlySpan<byte> data, SerializationContext context) => data.ToArray();
}
