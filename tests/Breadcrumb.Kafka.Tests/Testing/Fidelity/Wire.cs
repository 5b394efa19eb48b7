using System.Buffers.Binary;
using System.Text;

namespace Breadcrumb.Kafka.Tests.Testing.Fidelity;

/// <summary>Builds Kafka wire bytes field by field, big-endian, straight from the protocol specification's layouts.</summary>
internal sealed class Wire
{
    private readonly List<byte> bytes = [];

    public int Length => bytes.Count;

    public Wire I8(int v)
    {
        bytes.Add((byte)(sbyte)v);
        return this;
    }

    public Wire I16(int v) => Put(2, s => BinaryPrimitives.WriteInt16BigEndian(s, (short)v));

    public Wire I32(int v) => Put(4, s => BinaryPrimitives.WriteInt32BigEndian(s, v));

    public Wire I64(long v) => Put(8, s => BinaryPrimitives.WriteInt64BigEndian(s, v));

    public Wire Str(string? v)
    {
        if (v is null)
        {
            return I16(-1);
        }

        I16(Encoding.UTF8.GetByteCount(v));
        bytes.AddRange(Encoding.UTF8.GetBytes(v));
        return this;
    }

    public Wire Bytes(byte[]? v)
    {
        if (v is null)
        {
            return I32(-1);
        }

        I32(v.Length);
        bytes.AddRange(v);
        return this;
    }

    public Wire Raw(ReadOnlySpan<byte> v)
    {
        bytes.AddRange(v.ToArray());
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    /// <summary>A record batch (magic 2) with <paramref name="records"/> records of opaque payload.</summary>
    public static byte[] Batch(long baseOffset, int records, long producerId, bool transactional, bool control = false)
    {
        var payload = new byte[records * 10];
        var attributes = (transactional ? 0x10 : 0) | (control ? 0x20 : 0);
        var rest = new Wire()
            .I32(0) // partition leader epoch
            .I8(2) // magic
            .I32(0) // crc (not checked by the layer)
            .I16(attributes)
            .I32(records - 1) // last offset delta
            .I64(1_700_000_000_000).I64(1_700_000_000_000) // first and max timestamp
            .I64(producerId).I16(0).I32(0) // producer id, epoch, base sequence
            .I32(records);
        var body = rest.ToArray().Concat(payload).ToArray();
        return [.. new Wire().I64(baseOffset).I32(body.Length).ToArray(), .. body];
    }

    private Wire Put(int size, Action<Span<byte>> write)
    {
        var span = new byte[size];
        write(span);
        bytes.AddRange(span);
        return this;
    }
}
