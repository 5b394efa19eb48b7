using System.Buffers;
using System.Text;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization.Internal;

/// <summary>UTF-8 strings.</summary>
internal sealed class Utf8Serde : KafkaSerde<string>
{
    public override void Serialize(string value, IBufferWriter<byte> output, SerializationContext context) =>
        Encoding.UTF8.GetBytes(value, output);

    public override string Deserialize(ReadOnlySpan<byte> data, SerializationContext context) => Encoding.UTF8.GetString(data);
}
