using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Breadcrumb.Kafka.Broker.Protocol;

/// <summary>
/// Writes Kafka protocol primitives into a growable buffer rented from the shared pool: big-endian integers,
/// varints, classic and compact strings, bytes and arrays. Dispose returns the buffer.
/// </summary>
internal sealed class KafkaWriter : IDisposable
{
    /// <summary>Ranges at least this long are sent from where they lie (stored batches) instead of being copied in.</summary>
    public const int ExternalThreshold = 16 * 1024;

    private byte[] buffer;
    private int length;
    private List<(int At, ReadOnlyMemory<byte> Data)>? external;
    private int externalLength;

    public KafkaWriter(int initialCapacity = 256)
    {
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
    }

    /// <summary>Gets the bytes written, counting the ranges left where they lie.</summary>
    public int Length => length + externalLength;

    /// <summary>Gets the bytes written; only for a writer that holds no external ranges.</summary>
    public ReadOnlySpan<byte> WrittenSpan => external is null
        ? buffer.AsSpan(0, length)
        : throw new InvalidOperationException("The writer holds ranges sent from where they lie; use WriteToAsync.");

    /// <summary>Writes everything to <paramref name="stream"/>: the buffer with the external ranges in their places.</summary>
    public async ValueTask WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        var from = 0;
        foreach (var (at, data) in external ?? [])
        {
            await stream.WriteAsync(buffer.AsMemory(from, at - from), cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            from = at;
        }

        await stream.WriteAsync(buffer.AsMemory(from, length - from), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a range without copying it when it is large; it must not change until the writer is written out.</summary>
    public void WriteExternal(ReadOnlyMemory<byte> data)
    {
        if (data.Length < ExternalThreshold)
        {
            WriteRaw(data.Span);
            return;
        }

        (external ??= []).Add((length, data));
        externalLength += data.Length;
    }

    public void WriteBool(bool value) => Span(1)[0] = value ? (byte)1 : (byte)0;

    public void WriteInt8(sbyte value) => Span(1)[0] = (byte)value;

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16BigEndian(Span(2), value);

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Span(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Span(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Span(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Span(8), value);

    public void WriteFloat64(double value) => BinaryPrimitives.WriteDoubleBigEndian(Span(8), value);

    public void WriteUuid(Guid value) => value.TryWriteBytes(Span(16), bigEndian: true, out _);

    public void WriteUnsignedVarInt(int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            Span(1)[0] = (byte)(v | 0x80);
            v >>= 7;
        }

        Span(1)[0] = (byte)v;
    }

    public void WriteVarInt(int value) => WriteUnsignedVarInt((value << 1) ^ (value >> 31));

    public void WriteVarLong(long value)
    {
        var v = (ulong)((value << 1) ^ (value >> 63));
        while (v >= 0x80)
        {
            Span(1)[0] = (byte)(v | 0x80);
            v >>= 7;
        }

        Span(1)[0] = (byte)v;
    }

    public void WriteString(string? value, bool compact) => WriteNullableString(value ?? string.Empty, compact);

    public void WriteNullableString(string? value, bool compact)
    {
        if (value is null)
        {
            WriteLength(-1, compact, int16: true);
            return;
        }

        var byteCount = Encoding.UTF8.GetByteCount(value);
        if (!compact && byteCount > short.MaxValue)
        {
            throw new InvalidOperationException($"A string of {byteCount} bytes does not fit a classic STRING field.");
        }

        WriteLength(byteCount, compact, int16: true);
        Encoding.UTF8.GetBytes(value, Span(byteCount));
    }

    public void WriteBytes(byte[]? value, bool compact) => WriteNullableBytes(value ?? [], compact);

    public void WriteNullableBytes(byte[]? value, bool compact)
    {
        if (value is null)
        {
            WriteLength(-1, compact, int16: false);
            return;
        }

        WriteLength(value.Length, compact, int16: false);
        WriteRaw(value);
    }

    public void WriteRecords(RecordBytes value, bool compact)
    {
        if (value.IsNull)
        {
            WriteLength(-1, compact, int16: false);
            return;
        }

        WriteLength(value.Length, compact, int16: false);
        value.WriteTo(this);
    }

    /// <summary>Writes an array length: -1 for a null array.</summary>
    public void WriteArrayLength(int count, bool compact) => WriteLength(count, compact, int16: false);

    /// <summary>Writes the presence marker of a nullable struct.</summary>
    public void WriteStructPresence(bool present) => WriteInt8(present ? (sbyte)1 : (sbyte)-1);

    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Span(bytes.Length));

    /// <summary>Reserves <paramref name="count"/> bytes to fill in later (a size known only at the end).</summary>
    public int Reserve(int count)
    {
        var at = length;
        Span(count);
        return at;
    }

    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at, 4), value);

    /// <summary>Forgets what was written, keeping the buffer unless it grew past <paramref name="keepAtMost"/> bytes.</summary>
    public void Reset(int keepAtMost = int.MaxValue)
    {
        if (buffer.Length > keepAtMost)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(Math.Min(keepAtMost, 4096));
        }

        length = 0;
        external = null;
        externalLength = 0;
    }

    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        length = 0;
        external = null;
        externalLength = 0;
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void WriteLength(int value, bool compact, bool int16)
    {
        if (compact)
        {
            WriteUnsignedVarInt(value + 1);
        }
        else if (int16)
        {
            WriteInt16((short)value);
        }
        else
        {
            WriteInt32(value);
        }
    }

    private Span<byte> Span(int count)
    {
        if (length + count > buffer.Length)
        {
            Grow(count);
        }

        var span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }

    private void Grow(int count)
    {
        var needed = (long)length + count;
        var size = Math.Max(needed, (long)buffer.Length * 2);
        if (size > Array.MaxLength)
        {
            size = needed <= Array.MaxLength ? Array.MaxLength : throw new InvalidOperationException("A response larger than 2 GiB cannot be written.");
        }

        var bigger = ArrayPool<byte>.Shared.Rent((int)size);
        buffer.AsSpan(0, length).CopyTo(bigger);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = bigger;
    }
}
