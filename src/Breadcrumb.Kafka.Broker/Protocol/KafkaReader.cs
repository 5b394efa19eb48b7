using System.Buffers.Binary;
using System.Text;

namespace Breadcrumb.Kafka.Broker.Protocol;

/// <summary>
/// Reads Kafka protocol primitives from one request frame: big-endian integers, varints, classic (INT16/INT32
/// length) and compact (UNSIGNED_VARINT length + 1) strings, bytes and arrays, and tagged-field sections.
/// Every length is checked against what is left, so a hostile frame fails with <see cref="KafkaProtocolException"/>
/// instead of allocating or reading past its end.
/// </summary>
internal struct KafkaReader
{
    private readonly ReadOnlyMemory<byte> buffer;
    private int position;

    public KafkaReader(ReadOnlyMemory<byte> buffer)
    {
        this.buffer = buffer;
        position = 0;
    }

    public readonly int Position => position;

    public readonly int Remaining => buffer.Length - position;

    public readonly bool IsAtEnd => position == buffer.Length;

    public bool ReadBool() => Take(1)[0] != 0;

    public sbyte ReadInt8() => (sbyte)Take(1)[0];

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public double ReadFloat64() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public Guid ReadUuid() => new(Take(16), bigEndian: true);

    /// <summary>Reads an UNSIGNED_VARINT of at most 5 bytes (the protocol's 32-bit varints).</summary>
    public int ReadUnsignedVarInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (value > int.MaxValue)
                {
                    throw new KafkaProtocolException($"Unsigned varint {value} at byte {position} is larger than the protocol allows.");
                }

                return (int)value;
            }
        }

        throw new KafkaProtocolException($"Unsigned varint at byte {position} runs past 5 bytes.");
    }

    /// <summary>Reads a zig-zag VARINT (record fields).</summary>
    public int ReadVarInt()
    {
        var raw = (uint)ReadUnsignedVarIntRaw();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    /// <summary>Reads a zig-zag VARLONG (record fields).</summary>
    public long ReadVarLong()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Take(1)[0];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (long)(value >> 1) ^ -(long)(value & 1);
            }
        }

        throw new KafkaProtocolException($"Varlong at byte {position} runs past 10 bytes.");
    }

    public string ReadString(bool compact) =>
        ReadNullableString(compact) ?? throw new KafkaProtocolException($"Null string at byte {position} where the version allows none.");

    public string? ReadNullableString(bool compact)
    {
        var length = compact ? ReadUnsignedVarInt() - 1 : ReadInt16();
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    public byte[] ReadBytes(bool compact) =>
        ReadNullableBytes(compact) ?? throw new KafkaProtocolException($"Null bytes at byte {position} where the version allows none.");

    public byte[]? ReadNullableBytes(bool compact)
    {
        var length = ReadBytesLength(compact);
        return length < 0 ? null : Take(length).ToArray();
    }

    /// <summary>Reads a RECORDS field and returns it as a slice of the frame, valid while the frame is.</summary>
    public RecordBytes ReadRecords(bool compact)
    {
        var length = ReadBytesLength(compact);
        if (length < 0)
        {
            return RecordBytes.Null;
        }

        if (length > Remaining)
        {
            throw new KafkaProtocolException($"Records of {length} bytes at byte {position} do not fit in the {Remaining} bytes left.");
        }

        var slice = buffer.Slice(position, length);
        position += length;
        return new RecordBytes(slice);
    }

    /// <summary>Reads an array length: -1 for a null array, otherwise a count that fits in what is left.</summary>
    public int ReadArrayLength(bool compact)
    {
        var length = compact ? ReadUnsignedVarInt() - 1 : ReadInt32();
        if (length < -1)
        {
            throw new KafkaProtocolException($"Array length {length} at byte {position} is negative.");
        }

        // An element takes at least one byte in every layout we read, so a count beyond the bytes left is a lie.
        if (length > Remaining)
        {
            throw new KafkaProtocolException($"Array of {length} elements at byte {position} cannot fit in the {Remaining} bytes left.");
        }

        return length;
    }

    /// <summary>Reads the presence marker of a nullable struct: false for null (-1).</summary>
    public bool ReadStructPresence() => ReadInt8() >= 0;

    /// <summary>Returns a reader over the next <paramref name="length"/> bytes and moves past them.</summary>
    public KafkaReader ReadSubReader(int length)
    {
        if (length < 0 || length > Remaining)
        {
            throw new KafkaProtocolException($"Field of {length} bytes at byte {position} does not fit in the {Remaining} bytes left.");
        }

        var sub = new KafkaReader(buffer.Slice(position, length));
        position += length;
        return sub;
    }

    public void Skip(int length) => Take(length);

    /// <summary>Throws unless every byte was read: a field that claims a size must use all of it.</summary>
    public readonly void EnsureEnd(string what)
    {
        if (!IsAtEnd)
        {
            throw new KafkaProtocolException($"{Remaining} unread bytes at the end of {what}.");
        }
    }

    private int ReadUnsignedVarIntRaw()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (int)value;
            }
        }

        throw new KafkaProtocolException($"Varint at byte {position} runs past 5 bytes.");
    }

    private int ReadBytesLength(bool compact)
    {
        var length = compact ? ReadUnsignedVarInt() - 1 : ReadInt32();
        if (length < -1)
        {
            throw new KafkaProtocolException($"Length {length} at byte {position} is negative.");
        }

        return length;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > buffer.Length - position)
        {
            throw new KafkaProtocolException($"Needed {count} bytes at byte {position} but only {buffer.Length - position} are left.");
        }

        var span = buffer.Span.Slice(position, count);
        position += count;
        return span;
    }
}
