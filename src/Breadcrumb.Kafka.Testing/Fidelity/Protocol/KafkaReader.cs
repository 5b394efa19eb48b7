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
