using System.Buffers.Binary;
using System.Text;

namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>
/// Reads the Kafka protocol's non-flexible primitive types (big-endian integers, INT16-length strings,
/// INT32-length bytes and arrays) from a buffer, as the protocol specification defines them.
/// </summary>
internal ref struct KafkaReader
{
    private readonly ReadOnlySpan<byte> buffer;

    public KafkaReader(ReadOnlySpan<byte> buffer)
    {
        this.buffer = buffer;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => buffer.Length - Position;

    public sbyte ReadInt8() => (sbyte)Take(1)[0];

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    /// <summary>Reads a STRING or NULLABLE_STRING (INT16 length, -1 for null).</summary>
    public string? ReadString()
    {
        var length = ReadInt16();
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Reads BYTES or NULLABLE_BYTES (INT32 length, -1 for null) and returns where they lie in the buffer.</summary>
    public (int Offset, int Length) ReadBytesRange()
    {
        var length = ReadInt32();
        if (length < 0)
        {
            return (Position, -1);
        }

        var start = Position;
        Take(length);
        return (start, length);
    }

    /// <summary>Reads an ARRAY length (INT32, -1 for a null array, read as empty).</summary>
    public int ReadArrayLength()
    {
        var length = ReadInt32();
        if (length > Remaining)
        {
            throw new KafkaProtocolException($"Array of {length} elements at byte {Position - 4} cannot fit in the {Remaining} bytes left.");
        }

        return Math.Max(length, 0);
    }

    /// <summary>Reads an UNSIGNED_VARINT (7 bits a byte, low bits first), as flexible versions use.</summary>
    public uint ReadUnsignedVarInt()
    {
        uint value = 0;
        for (var shift = 0; shift <= 28; shift += 7)
        {
            var b = Take(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new KafkaProtocolException($"Unsigned varint at byte {Position - 5} is longer than 5 bytes.");
    }

    /// <summary>Reads a COMPACT_STRING or COMPACT_NULLABLE_STRING (UNSIGNED_VARINT length + 1, 0 for null).</summary>
    public string? ReadCompactString()
    {
        var length = (int)ReadUnsignedVarInt() - 1;
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Reads a COMPACT_ARRAY length (UNSIGNED_VARINT count + 1, 0 for null, read as empty).</summary>
    public int ReadCompactArrayLength()
    {
        var length = (int)ReadUnsignedVarInt() - 1;
        if (length > Remaining)
        {
            throw new KafkaProtocolException($"Compact array of {length} elements cannot fit in the {Remaining} bytes left at byte {Position}.");
        }

        return Math.Max(length, 0);
    }

    /// <summary>Skips a TAG_BUFFER: a count of tagged fields, each a tag, a size and that many bytes.</summary>
    public void SkipTags()
    {
        var count = ReadUnsignedVarInt();
        for (var i = 0; i < count; i++)
        {
            _ = ReadUnsignedVarInt();
            Skip((int)ReadUnsignedVarInt());
        }
    }

    /// <summary>Reads a string, compact in flexible versions.</summary>
    public string? ReadString(bool flexible) => flexible ? ReadCompactString() : ReadString();

    /// <summary>Reads an array length, compact in flexible versions.</summary>
    public int ReadArrayLength(bool flexible) => flexible ? ReadCompactArrayLength() : ReadArrayLength();

    public void Skip(int count) => Take(count);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new KafkaProtocolException($"Needed {count} bytes at byte {Position} but only {Remaining} are left.");
        }

        var span = buffer.Slice(Position, count);
        Position += count;
        return span;
    }
}
