using System.Globalization;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>Appending a validated batch: the idempotence check, the memory budget, offsets and timestamps.</summary>
internal sealed partial class PartitionLog
{
    public AppendResult Append(ReadOnlySpan<byte> batch, BatchInfo info, long nowMs, bool logAppendTime)
    {
        AppendResult result;
        lock (sync)
        {
            result = AppendLocked(batch, info, nowMs, logAppendTime);
        }

        if (result.Error == ErrorCode.None)
        {
            changed.Pulse();
        }

        return result;
    }

    private AppendResult AppendLocked(ReadOnlySpan<byte> batch, BatchInfo info, long nowMs, bool logAppendTime)
    {
        if (info.IsIdempotent)
        {
            switch (producers.Check(info.ProducerId, info.ProducerEpoch, info.BaseSequence, info.LastSequence, out var original))
            {
                case SequenceVerdict.Duplicate:
                    return new AppendResult(ErrorCode.None, original.BaseOffset, original.LogAppendTime, logStartOffset);
                case SequenceVerdict.StaleEpoch:
                    return AppendResult.Failed(ErrorCode.InvalidProducerEpoch, logStartOffset,
                        $"Producer {info.ProducerId} wrote with epoch {info.ProducerEpoch}, older than its epoch {producers.EpochOf(info.ProducerId)} on {Topic}-{Partition}.");
                case SequenceVerdict.OutOfOrder:
                    return AppendResult.Failed(ErrorCode.OutOfOrderSequenceNumber, logStartOffset,
                        $"Out of order sequence number for producer {info.ProducerId} at {Topic}-{Partition}: batch sequence {info.BaseSequence}.");
            }
        }

        if (!budget.TryReserve(batch.Length))
        {
            return AppendResult.Failed(ErrorCode.PolicyViolation, logStartOffset, string.Create(CultureInfo.InvariantCulture,
                $"The embedded broker's memory budget of {budget.LimitBytes} bytes is full ({budget.UsedBytes} used); a batch of {batch.Length} bytes for {Topic}-{Partition} was refused. Raise KafkaClusterOptions.MemoryBudgetBytes, or set retention.ms / retention.bytes on the topic, or delete records."));
        }

        var data = batch.ToArray();
        var baseOffset = logEndOffset;
        RecordBatchLayout.SetBaseOffset(data, baseOffset);
        RecordBatchLayout.SetLeaderEpoch(data, LeaderEpoch);
        var maxTimestamp = info.MaxTimestamp;
        if (logAppendTime)
        {
            RecordBatchLayout.StampLogAppendTime(data, nowMs);
            maxTimestamp = nowMs;
        }

        var stored = new StoredBatch
        {
            Data = data,
            BaseOffset = baseOffset,
            LastOffset = baseOffset + info.LastOffsetDelta,
            MaxTimestamp = maxTimestamp,
            ProducerId = info.ProducerId,
            ProducerEpoch = info.ProducerEpoch,
            IsTransactional = info.IsTransactional,
            IsControl = info.IsControl,
        };
        batches.Add(stored);
        TrackTransaction(info, baseOffset);
        sizeBytes += data.Length;
        logEndOffset = stored.LastOffset + 1;
        var appendTime = logAppendTime ? nowMs : -1;
        if (info.IsIdempotent)
        {
            producers.Record(info.ProducerId, info.ProducerEpoch, new AppendedBatch(info.BaseSequence, info.LastSequence, baseOffset, appendTime, maxTimestamp));
        }

        return new AppendResult(ErrorCode.None, baseOffset, appendTime, logStartOffset);
    }
}
