using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>
/// Checks a produced RECORDS field the way Kafka's produce path does, before anything is stored: exactly one
/// batch of magic v2, no larger than max.message.bytes, an intact CRC-32C, offsets consistent with the record
/// count, no control batch from a client, and (uncompressed) records that parse, with keys on a compacted topic.
/// </summary>
internal static class BatchValidator
{
    public static (ErrorCode Error, string? Message) Validate(ReadOnlySpan<byte> records, int maxMessageBytes, bool compacted, out BatchInfo info)
    {
        info = default;
        if (records.Length == 0)
        {
            return (ErrorCode.InvalidRecord, "Produce requests from version 3 on must have at least one record batch.");
        }

        if (records.Length < RecordBatchLayout.HeaderSize)
        {
            return (ErrorCode.CorruptMessage, $"A record batch needs at least {RecordBatchLayout.HeaderSize} bytes; got {records.Length}.");
        }

        var batchLength = RecordBatchLayout.BatchLength(records);
        var declared = (long)batchLength + RecordBatchLayout.LogOverhead;
        if (batchLength < RecordBatchLayout.HeaderSize - RecordBatchLayout.LogOverhead || declared > records.Length)
        {
            return (ErrorCode.CorruptMessage, $"The batch declares {batchLength} bytes but {records.Length - RecordBatchLayout.LogOverhead} follow its length.");
        }

        if (declared < records.Length)
        {
            return (ErrorCode.InvalidRecord, "Produce requests from version 3 on may contain exactly one record batch per partition.");
        }

        if (RecordBatchLayout.Magic(records) != 2)
        {
            return (ErrorCode.InvalidRecord, $"Produce requests from version 3 on may only contain record batches of magic 2 (got {RecordBatchLayout.Magic(records)}).");
        }

        if (records.Length > maxMessageBytes)
        {
            return (ErrorCode.MessageTooLarge, $"The record batch of {records.Length} bytes is larger than the topic's max.message.bytes ({maxMessageBytes}).");
        }

        if (RecordBatchLayout.Crc(records) != RecordBatchLayout.ComputeCrc(records))
        {
            return (ErrorCode.CorruptMessage, "The record batch's CRC-32C does not match its contents.");
        }

        info = BatchInfo.Read(records);
        if (info.LastOffsetDelta < 0 || info.RecordCount <= 0 || info.RecordCount != info.LastOffsetDelta + 1)
        {
            return (ErrorCode.InvalidRecord, $"Inconsistent batch: last offset delta {info.LastOffsetDelta} with {info.RecordCount} records.");
        }

        if (info.IsControl)
        {
            return (ErrorCode.InvalidRecord, "Clients are not allowed to write control records.");
        }

        // Kafka reads every record before appending; a batch whose records do not parse would break every consumer.
        if (RecordBatchLayout.Compression(info.Attributes) == 0 && RecordValidator.Check(records, info.RecordCount, compacted) is { } bad)
        {
            return (ErrorCode.InvalidRecord, bad);
        }

        return (ErrorCode.None, null);
    }
}
