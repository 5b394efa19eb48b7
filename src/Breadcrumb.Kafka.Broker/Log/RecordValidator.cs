using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>
/// Walks the records of an uncompressed batch the way Kafka's log validator reads them before appending: each
/// record's declared size must hold exactly its fields, the batch must hold exactly its declared record count,
/// header keys must not be null, and a compacted topic takes no record without a key. Compressed batches are
/// kept as sent and not opened, so their records are not checked.
/// </summary>
internal static class RecordValidator
{
    /// <summary>Returns null when every record reads cleanly, else what is wrong (Kafka answers INVALID_RECORD).</summary>
    public static string? Check(ReadOnlySpan<byte> batch, int recordCount, bool requireKeys)
    {
        var rest = batch[RecordBatchLayout.HeaderSize..];
        for (var i = 0; i < recordCount; i++)
        {
            if (!TryReadVarInt(ref rest, out var length) || length < 0 || length > rest.Length)
            {
                return $"Record {i} of {recordCount} declares a size of {length} bytes but {rest.Length} are left in the batch.";
            }

            if (CheckRecord(rest[..length], i, requireKeys) is { } problem)
            {
                return problem;
            }

            rest = rest[length..];
        }

        return rest.IsEmpty ? null : $"Incorrect declared batch size: {rest.Length} bytes remain after the batch's {recordCount} records.";
    }

    private static string? CheckRecord(ReadOnlySpan<byte> record, int index, bool requireKeys)
    {
        var size = record.Length;
        if (record.IsEmpty)
        {
            return $"Record {index} is empty.";
        }

        record = record[1..]; // attributes
        if (!TryReadVarLong(ref record, out _) || !TryReadVarInt(ref record, out _))
        {
            return $"Record {index} ends inside its timestamp or offset delta.";
        }

        if (!TrySkipBytes(ref record, allowNull: true, out var keyLength))
        {
            return $"Record {index} has a key length of {keyLength} that does not fit its {size} bytes.";
        }

        if (keyLength < 0 && requireKeys)
        {
            return $"Compacted topic cannot accept message without key (record {index}).";
        }

        if (!TrySkipBytes(ref record, allowNull: true, out var valueLength))
        {
            return $"Record {index} has a value length of {valueLength} that does not fit its {size} bytes.";
        }

        if (!TryReadVarInt(ref record, out var headers) || headers < 0)
        {
            return $"Record {index} has an invalid header count ({headers}).";
        }

        for (var h = 0; h < headers; h++)
        {
            if (!TrySkipBytes(ref record, allowNull: false, out var headerKey) || !TrySkipBytes(ref record, allowNull: true, out _))
            {
                return $"Header {h} of record {index} is malformed (key length {headerKey}).";
            }
        }

        return record.IsEmpty ? null : $"Invalid record size: record {index} declares {size} bytes but its fields take {size - record.Length}.";
    }

    private static bool TrySkipBytes(ref ReadOnlySpan<byte> span, bool allowNull, out int length)
    {
        if (!TryReadVarInt(ref span, out length) || length < (allowNull ? -1 : 0) || length > span.Length)
        {
            return false;
        }

        span = span[Math.Max(0, length)..];
        return true;
    }

    private static bool TryReadVarInt(ref ReadOnlySpan<byte> span, out int value)
    {
        value = 0;
        if (!TryReadVarLong(ref span, out var wide) || wide < int.MinValue || wide > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    /// <summary>Reads a zig-zag varint of at most 10 bytes.</summary>
    private static bool TryReadVarLong(ref ReadOnlySpan<byte> span, out long value)
    {
        ulong raw = 0;
        for (var i = 0; i < 10 && i < span.Length; i++)
        {
            raw |= (ulong)(span[i] & 0x7F) << (7 * i);
            if ((span[i] & 0x80) == 0)
            {
                span = span[(i + 1)..];
                value = (long)(raw >> 1) ^ -(long)(raw & 1);
                return true;
            }
        }

        value = 0;
        return false;
    }
}
