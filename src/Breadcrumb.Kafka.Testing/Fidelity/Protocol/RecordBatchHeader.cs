using System.Buffers.Binary;

namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>
/// The fields of one record batch (message format v2) the fidelity layer needs: where it starts, how long it is,
/// whether it belongs to a transaction or is a control batch, and which producer wrote it.
/// </summary>
/// <param name="BaseOffset">The offset of the batch's first record.</param>
/// <param name="TotalSize">The bytes the batch takes, including its offset and length fields.</param>
/// <param name="Attributes">The batch attributes (bit 4 transactional, bit 5 control).</param>
/// <param name="LastOffsetDelta">The last record's offset minus <paramref name="BaseOffset"/>.</param>
/// <param name="ProducerId">The producer id, -1 when the batch has none.</param>
internal readonly record struct RecordBatchHeader(long BaseOffset, int TotalSize, short Attributes, int LastOffsetDelta, long ProducerId)
{
    /// <summary>The bytes before the batch's records: base offset through record count.</summary>
    public const int Size = 61;

    private const int TransactionalBit = 0x10;
    private const int ControlBit = 0x20;

    public bool IsTransactional => (Attributes & TransactionalBit) != 0;

    public bool IsControl => (Attributes & ControlBit) != 0;

    public long LastOffset => BaseOffset + LastOffsetDelta;

    public int RecordCount => LastOffsetDelta + 1;

    /// <summary>
    /// Reads the header of the batch at the start of <paramref name="records"/>. A batch cut short by the broker's
    /// size limit still yields its offset; <paramref name="complete"/> then says it is partial.
    /// </summary>
    /// <returns><see langword="false"/> when fewer than 12 bytes (offset and length) remain.</returns>
    public static bool TryRead(ReadOnlySpan<byte> records, out RecordBatchHeader header, out bool complete)
    {
        header = default;
        complete = false;
        if (records.Length < 12)
        {
            return false;
        }

        var baseOffset = BinaryPrimitives.ReadInt64BigEndian(records);
        var total = 12L + BinaryPrimitives.ReadInt32BigEndian(records[8..]);
        var magic = records.Length > 16 ? records[16] : (byte)0;
        if (magic < 2 || records.Length < Size)
        {
            // Older message formats carry no producer id or transaction bits.
            header = new RecordBatchHeader(baseOffset, (int)Math.Min(total, int.MaxValue), 0, 0, -1);
            complete = total <= records.Length;
            return true;
        }

        header = new RecordBatchHeader(
            baseOffset,
            (int)Math.Min(total, int.MaxValue),
            BinaryPrimitives.ReadInt16BigEndian(records[21..]),
            BinaryPrimitives.ReadInt32BigEndian(records[23..]),
            BinaryPrimitives.ReadInt64BigEndian(records[43..]));
        complete = total <= records.Length;
        return true;
    }
}
