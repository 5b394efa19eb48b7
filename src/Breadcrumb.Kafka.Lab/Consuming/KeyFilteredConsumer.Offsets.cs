using Breadcrumb.Kafka.Lab.Consuming.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <content>Offset storage and the group start gate's pause and rewind.</content>
public sealed partial class KeyFilteredConsumer
{
    /// <summary>Records read between two offset stores; storing is batched because each store is a native call.</summary>
    private const int StoreEvery = 4096;

    /// <summary>Commits the stored offsets while the revoked partitions are still this member's.</summary>
    /// <remarks>
    /// librdkafka's own commit on revoke is asynchronous, and with incremental (KIP-848) assignment the next owner can
    /// fetch the old committed offset before it lands, reading the same records again (seen on the embedded broker).
    /// A synchronous commit here keeps a rebalance from duplicating what this member already counted.
    /// </remarks>
    private void CommitBeforeRevoke(IConsumer<string, byte[]> consumer, ConsumeTally tally)
    {
        if (!options.CommitOffsets)
        {
            return;
        }

        try
        {
            consumer.Commit();
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing read since the last commit.
        }
        catch (KafkaException e)
        {
            tally.Warn($"offsets of revoked partitions were not committed: {e.Error.Code} ({e.Error.Reason})");
        }
    }

    /// <summary>Stores the next offset of every partition read past its stored offset, so the next commit covers what was read.</summary>
    private void StoreOffsets(IConsumer<string, byte[]> consumer, IEnumerable<PartitionTally> partitions, ConsumeTally tally)
    {
        if (options.CommitOffsets)
        {
            StoreOffsetsOf(consumer, partitions, tally);
        }
    }

    private void StoreOffsetsOf(IConsumer<string, byte[]> consumer, ConsumeTally tally) => StoreOffsetsOf(consumer, tally.Assigned, tally);

    private void StoreOffsetsOf(IConsumer<string, byte[]> consumer, IEnumerable<PartitionTally> partitions, ConsumeTally tally)
    {
        foreach (var partition in partitions)
        {
            if (!partition.HasUnstored)
            {
                continue;
            }

            // Issue 9: with ReadAllAsync, never past a record the caller has not finished with.
            var next = handedOffsets?.Limit(partition.Topic, partition.Partition, partition.LastOffset + 1) ?? partition.LastOffset + 1;
            if (next <= partition.Stored)
            {
                continue;
            }

            try
            {
                consumer.StoreOffset(new TopicPartitionOffset(partition.Topic, partition.Partition, next));
                partition.Stored = next;
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_State)
            {
                // The partition is no longer assigned to this member; its new owner reads from the last commit.
                tally.Warn($"offset of {partition.Topic} [{partition.Partition}] not stored: the partition was no longer assigned");
            }
        }
    }

    private void StoreOffsets(IConsumer<string, byte[]> consumer, IEnumerable<TopicPartition> leaving, ConsumeTally tally) =>
        StoreOffsets(consumer, leaving.Select(tp => tally.Find(tp.Topic, tp.Partition.Value)).OfType<PartitionTally>().ToList(), tally);

    /// <summary>
    /// Pauses partitions assigned while the group gate is closed. Pausing inside the assigned handler deadlocks
    /// librdkafka, so it happens right after Consume returns; a record fetched in between is rewound by
    /// <see cref="Rewind"/>.
    /// </summary>
    private static void PauseNewlyAssigned(IConsumer<string, byte[]> consumer, List<TopicPartition> pending, HashSet<TopicPartition> paused)
    {
        if (pending.Count == 0)
        {
            return;
        }

        consumer.Pause(pending);
        paused.UnionWith(pending);
        pending.Clear();
    }

    /// <summary>
    /// Pauses every held partition when the <see cref="ReadAllAsync"/> reader is a full read-ahead behind, and resumes
    /// at half. Pausing instead of blocking keeps Consume running, so the group still sees this member alive.
    /// </summary>
    /// <returns>Whether the partitions are now paused for the reader.</returns>
    private static bool ControlFlow(IConsumer<string, byte[]> consumer, int buffered, bool paused)
    {
        if (!paused && buffered >= KeyFilteredConsumerDefaults.ReadAheadRecords)
        {
            consumer.Pause(consumer.Assignment);
            return true;
        }

        if (paused && buffered <= KeyFilteredConsumerDefaults.ReadAheadRecords / 2)
        {
            consumer.Resume(consumer.Assignment);
            return false;
        }

        return paused;
    }

    /// <summary>Seeks a partition back to a record that arrived while the gate was closed, so it is read again after the gate opens.</summary>
    private static void Rewind(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> result, HashSet<TopicPartition> rewound)
    {
        // Only the first early record of a partition marks where to resume; the seek drops later ones already queued.
        var tp = new TopicPartition(result.Topic, result.Partition);
        if (rewound.Add(tp))
        {
            consumer.Seek(new TopicPartitionOffset(tp, result.Offset));
        }
    }
}
