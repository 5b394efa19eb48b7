using System.Buffers.Binary;

namespace Breadcrumb.Kafka.Broker.Protocol.Records;

/// <summary>
/// Reads and patches the fixed 61-byte header of a record batch (magic v2). The CRC covers everything from the
/// attributes on, so the base offset and leader epoch can be set without touching it; a LogAppendTime stamp can't.
/// </summary>
internal static class RecordBatchLayout
{
    public const int HeaderSize = 61;

    /// <summary>Gets the bytes before the batch length field's count starts (base offset + length).</summary>
    public const int LogOverhead = 12;

    public const int BaseOffsetAt = 0;
    public const int BatchLengthAt = 8;
    public const int LeaderEpochAt = 12;
    public const int MagicAt = 16;
    public const int CrcAt = 17;
    public const int AttributesAt = 21;
    public const int LastOffsetDeltaAt = 23;
    public const int BaseTimestampAt = 27;
    public const int MaxTimestampAt = 35;
    public const int ProducerIdAt = 43;
    public const int ProducerEpochAt = 51;
    public const int BaseSequenceAt = 53;
    public const int RecordCountAt = 57;

    public const short CompressionMask = 0x07;
    public const short TimestampTypeFlag = 0x08;
    public const short TransactionalFlag = 0x10;
    public const short ControlFlag = 0x20;

    public static long BaseOffset(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch[BaseOffsetAt..]);

    public static int BatchLength(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch[BatchLengthAt..]);

    public static sbyte Magic(ReadOnlySpan<byte> batch) => (sbyte)batch[MagicAt];

    public static uint Crc(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadUInt32BigEndian(batch[CrcAt..]);

    public static short Attributes(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt16BigEndian(batch[AttributesAt..]);

    public static int LastOffsetDelta(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch[LastOffsetDeltaAt..]);

    public static long BaseTimestamp(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch[BaseTimestampAt..]);

    public static long MaxTimestamp(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch[MaxTimestampAt..]);

    public static long ProducerId(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch[ProducerIdAt..]);

    public static short ProducerEpoch(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt16BigEndian(batch[ProducerEpochAt..]);

    public static int BaseSequence(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch[BaseSequenceAt..]);

    public static int RecordCount(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch[RecordCountAt..]);

    public static bool IsTransactional(short attributes) => (attributes & TransactionalFlag) != 0;

    public static bool IsControl(short attributes) => (attributes & ControlFlag) != 0;

    public static int Compression(short attributes) => attributes & CompressionMask;

    /// <summary>Computes the checksum the CRC field should hold.</summary>
    public static uint ComputeCrc(ReadOnlySpan<byte> batch) => Crc32C.Compute(batch[AttributesAt..]);

    public static void SetBaseOffset(Span<byte> batch, long offset) => BinaryPrimitives.WriteInt64BigEndian(batch[BaseOffsetAt..], offset);

    public static void SetLeaderEpoch(Span<byte> batch, int epoch) => BinaryPrimitives.WriteInt32BigEndian(batch[LeaderEpochAt..], epoch);

    /// <summary>Marks the batch LogAppendTime with <paramref name="timestampMs"/> as its timestamp, and re-seals the CRC.</summary>
    public static void StampLogAppendTime(Span<byte> batch, long timestampMs)
    {
        var attributes = (short)(Attributes(batch) | TimestampTypeFlag);
        BinaryPrimitives.WriteInt16BigEndian(batch[AttributesAt..], attributes);
        BinaryPrimitives.WriteInt64BigEndian(batch[MaxTimestampAt..], timestampMs);
        BinaryPrimitives.WriteUInt32BigEndian(batch[CrcAt..], ComputeCrc(batch));
    }
}
