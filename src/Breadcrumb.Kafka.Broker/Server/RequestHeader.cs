using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>The header every request starts with: API key and version, correlation id, client id (v1), tagged fields (v2).</summary>
internal readonly record struct RequestHeader(short ApiKey, short ApiVersion, int CorrelationId, string? ClientId)
{
    /// <summary>Reads the API key and version only: they decide which header version follows.</summary>
    public static (short ApiKey, short ApiVersion) Peek(ReadOnlySpan<byte> frame) =>
        frame.Length < 4
            ? throw new KafkaProtocolException($"A request of {frame.Length} bytes is too short for a header.")
            : ((short)((frame[0] << 8) | frame[1]), (short)((frame[2] << 8) | frame[3]));

    /// <summary>Reads a header of version 1 or 2 (2 adds a tagged-field section).</summary>
    public static RequestHeader Read(ref KafkaReader reader, short headerVersion)
    {
        var header = new RequestHeader(reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt32(), reader.ReadNullableString(compact: false));
        if (headerVersion >= 2)
        {
            var tags = reader.ReadUnsignedVarInt();
            for (var i = 0; i < tags; i++)
            {
                reader.ReadUnsignedVarInt();
                reader.Skip(reader.ReadUnsignedVarInt());
            }
        }

        return header;
    }
}
