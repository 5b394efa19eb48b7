using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>Writes the Kafka protocol's non-flexible primitive types, big-endian, to a growable buffer.</summary>
internal sealed class KafkaWriter
{
    private readonly ArrayBufferWriter<byte> output;

    public KafkaWriter(int initialCapacity = 256)
    {
        output = new ArrayBufferWriter<byte>(Math.Max(initialCapacity, 16));
    }

    public int Length => output.WrittenCount;

    public ReadOnlyMemory<byte> WrittenMemory => output.WrittenMemory;

    public void WriteInt8(sbyte value)
    {
        output.GetSpan(1)[0] = (byte)value;
        output.Advance(1);
    }

    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(output.GetSpan(2), value);
        output.Advance(2);
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt16(-1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt16(checked((short)bytes.Length));
        WriteRaw(bytes);
    }

    /// <summary>Writes NULLABLE_BYTES: a null span when <paramref name="isNull"/>, else INT32 length and the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value, bool isNull = false)
    {
        if (isNull)
        {
            WriteInt32(-1);
            return;
        }

        WriteInt32(value.Length);
        WriteRaw(value);
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    /// <summary>Overwrites an INT32 already written, e.g. a frame size known only at the end.</summary>
    public void PatchInt32(int position, int value)
    {
        var written = output.WrittenMemory;
        var span = System.Runtime.InteropServices.MemoryMarshal.AsMemory(written).Span;
        BinaryPrimitives.WriteInt32BigEndian(span.Slice(position, 4), value);
    }
}
