using System.Buffers.Binary;

namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>
/// Finds the controller id in a Metadata response (versions 1 to 13, flexible from 9; the controller id sits where it does in all of them) and sets it when it names no
/// broker of the response (librdkafka's mock answers 0, its brokers are 1..N), so admin clients stop waiting for a controller.
/// </summary>
internal static class MetadataPatcher
{
    public const short FirstFlexibleVersion = 9;

    /// <summary>Patches the body (after the correlation id) in place; returns whether it changed.</summary>
    public static bool PatchController(Span<byte> body, short version, int controllerId)
    {
        if (version < 1)
        {
            return false;
        }

        var flexible = version >= FirstFlexibleVersion;
        var reader = new KafkaReader(body);
        if (flexible)
        {
            SkipTaggedFields(ref reader); // response header v1
        }

        if (version >= 3)
        {
            reader.Skip(4); // throttle_time_ms
        }

        var brokers = flexible ? (int)ReadUnsignedVarint(ref reader) - 1 : reader.ReadArrayLength();
        var nodeIds = new HashSet<int>();
        for (var b = 0; b < brokers; b++)
        {
            nodeIds.Add(reader.ReadInt32());
            SkipString(ref reader, flexible); // host
            reader.Skip(4); // port
            SkipString(ref reader, flexible); // rack (v1+)
            if (flexible)
            {
                SkipTaggedFields(ref reader);
            }
        }

        if (version >= 2)
        {
            SkipString(ref reader, flexible); // cluster_id
        }

        var position = reader.Position;
        if (nodeIds.Contains(reader.ReadInt32()) || !nodeIds.Contains(controllerId))
        {
            return false;
        }

        BinaryPrimitives.WriteInt32BigEndian(body.Slice(position, 4), controllerId);
        return true;
    }

    /// <summary>Reads an UNSIGNED_VARINT (7 bits a byte, low bits first).</summary>
    public static uint ReadUnsignedVarint(ref KafkaReader reader)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = (byte)reader.ReadInt8();
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new KafkaProtocolException($"Unsigned varint at byte {reader.Position} is longer than 5 bytes.");
    }

    private static void SkipString(ref KafkaReader reader, bool flexible)
    {
        var length = flexible ? (int)ReadUnsignedVarint(ref reader) - 1 : reader.ReadInt16();
        reader.Skip(Math.Max(length, 0));
    }

    private static void SkipTaggedFields(ref KafkaReader reader)
    {
        var count = ReadUnsignedVarint(ref reader);
        for (var i = 0; i < count; i++)
        {
            _ = ReadUnsignedVarint(ref reader); // tag
            reader.Skip((int)ReadUnsignedVarint(ref reader));
        }
    }
}
