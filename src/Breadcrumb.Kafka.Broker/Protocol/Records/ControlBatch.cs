namespace Breadcrumb.Kafka.Broker.Protocol.Records;

/// <summary>
/// Builds the control batch that ends a transaction in a partition (a COMMIT or ABORT marker): one record whose
/// key is (version 0, type) and value (version 0, coordinator epoch), flagged transactional and control.
/// </summary>
internal static class ControlBatch
{
    public const short AbortType = 0;
    public const short CommitType = 1;

    public static byte[] Build(long producerId, short producerEpoch, bool commit, int coordinatorEpoch, long timestampMs)
    {
        using var record = new KafkaWriter(32);
        record.WriteInt8(0);
        record.WriteVarLong(0);
        record.WriteVarInt(0);
        record.WriteVarInt(4);
        record.WriteInt16(0);
        record.WriteInt16(commit ? CommitType : AbortType);
        record.WriteVarInt(6);
        record.WriteInt16(0);
        record.WriteInt32(coordinatorEpoch);
        record.WriteVarInt(0);

        using var batch = new KafkaWriter(RecordBatchLayout.HeaderSize + 32);
        batch.WriteInt64(0);
        var lengthAt = batch.Reserve(4);
        batch.WriteInt32(0);
        batch.WriteInt8(2);
        var crcAt = batch.Reserve(4);
        batch.WriteInt16(RecordBatchLayout.TransactionalFlag | RecordBatchLayout.ControlFlag);
        batch.WriteInt32(0);
        batch.WriteInt64(timestampMs);
        batch.WriteInt64(timestampMs);
        batch.WriteInt64(producerId);
        batch.WriteInt16(producerEpoch);
        batch.WriteInt32(-1);
        batch.WriteInt32(1);
        batch.WriteVarInt(record.Length);
        batch.WriteRaw(record.WrittenSpan);
        batch.PatchInt32(lengthAt, batch.Length - RecordBatchLayout.LogOverhead);
        var bytes = batch.WrittenSpan.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(crcAt), RecordBatchLayout.ComputeCrc(bytes));
        return bytes;
    }
}
