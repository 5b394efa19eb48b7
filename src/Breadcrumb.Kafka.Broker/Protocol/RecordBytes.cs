namespace Breadcrumb.Kafka.Broker.Protocol;

/// <summary>
/// The RECORDS field of a message: null, or one or more byte ranges written back to back. Produce requests
/// read it as one slice of the frame; Fetch responses send the stored batches as they are, without joining them.
/// </summary>
internal readonly struct RecordBytes : IEquatable<RecordBytes>
{
    private readonly ReadOnlyMemory<byte> single;
    private readonly IReadOnlyList<ReadOnlyMemory<byte>>? segments;

    public RecordBytes(ReadOnlyMemory<byte> bytes)
    {
        single = bytes;
        segments = null;
        Length = bytes.Length;
    }

    public RecordBytes(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        single = default;
        this.segments = segments;
        var length = 0;
        foreach (var segment in segments)
        {
            length += segment.Length;
        }

        Length = length;
    }

    /// <summary>Gets the null RECORDS value (length -1 on the wire).</summary>
    public static RecordBytes Null => new(ReadOnlyMemory<byte>.Empty, isNull: true);

    /// <summary>Gets an empty, non-null RECORDS value.</summary>
    public static RecordBytes Empty => new(ReadOnlyMemory<byte>.Empty);

    public bool IsNull { get; }

    public int Length { get; }

    /// <summary>Gets the bytes as one range; joins segments, so only for tests and small values.</summary>
    public ReadOnlyMemory<byte> Single
    {
        get
        {
            if (segments is null)
            {
                return single;
            }

            var joined = new byte[Length];
            var at = 0;
            foreach (var segment in segments)
            {
                segment.Span.CopyTo(joined.AsSpan(at));
                at += segment.Length;
            }

            return joined;
        }
    }

    private RecordBytes(ReadOnlyMemory<byte> bytes, bool isNull)
    {
        single = bytes;
        segments = null;
        Length = bytes.Length;
        IsNull = isNull;
    }

    public void WriteTo(KafkaWriter writer)
    {
        if (segments is null)
        {
            writer.WriteRaw(single.Span);
            return;
        }

        foreach (var segment in segments)
        {
            writer.WriteExternal(segment);
        }
    }

    public bool Equals(RecordBytes other) =>
        IsNull == other.IsNull && Single.Span.SequenceEqual(other.Single.Span);

    public override bool Equals(object? obj) => obj is RecordBytes other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IsNull, Length);
}
