namespace Breadcrumb.Kafka.Broker.Protocol.Records;

/// <summary>
/// Walks the records of an uncompressed batch for their offset and timestamp (ListOffsets by time), reading only
/// each record's length and deltas. Compressed batches are kept as sent and never opened.
/// </summary>
internal static class RecordScanner
{
    /// <summary>
    /// Finds the first record whose timestamp is at least <paramref name="target"/>; false if none is, or the
    /// records cannot be read (compressed or malformed).
    /// </summary>
    public static bool TryFindAtOrAfter(ReadOnlyMemory<byte> batch, long target, out long offset, out long timestamp)
    {
        offset = -1;
        timestamp = -1;
        var found = false;
        var ok = Walk(batch, (o, t) =>
        {
            if (t >= target)
            {
                found = true;
                return (o, t);
            }

            return null;
        }, out var hit);
        if (ok && found)
        {
            (offset, timestamp) = hit;
        }

        return ok && found;
    }

    /// <summary>Finds the first record carrying the batch's largest timestamp.</summary>
    public static bool TryFindMaxTimestamp(ReadOnlyMemory<byte> batch, out long offset, out long timestamp)
    {
        var max = RecordBatchLayout.MaxTimestamp(batch.Span);
        return TryFindAtOrAfter(batch, max, out offset, out timestamp) && timestamp == max;
    }

    private static bool Walk(ReadOnlyMemory<byte> batch, Func<long, long, (long, long)?> visit, out (long Offset, long Timestamp) hit)
    {
        hit = default;
        var span = batch.Span;
        var attributes = RecordBatchLayout.Attributes(span);
        if (RecordBatchLayout.Compression(attributes) != 0)
        {
            return false;
        }

        var baseOffset = RecordBatchLayout.BaseOffset(span);
        var baseTimestamp = RecordBatchLayout.BaseTimestamp(span);
        var logAppendTime = (attributes & RecordBatchLayout.TimestampTypeFlag) != 0;
        var maxTimestamp = RecordBatchLayout.MaxTimestamp(span);
        var count = RecordBatchLayout.RecordCount(span);
        var reader = new KafkaReader(batch[RecordBatchLayout.HeaderSize..]);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var length = reader.ReadVarInt();
                var record = reader.ReadSubReader(length);
                record.ReadInt8();
                var timestampDelta = record.ReadVarLong();
                var offsetDelta = record.ReadVarInt();
                var result = visit(baseOffset + offsetDelta, logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta);
                if (result is { } r)
                {
                    hit = r;
                    return true;
                }
            }
        }
        catch (KafkaProtocolException)
        {
            return false;
        }

        return true;
    }
}
