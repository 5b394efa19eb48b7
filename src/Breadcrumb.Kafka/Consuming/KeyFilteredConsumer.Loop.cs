using System.Threading.Channels;
using Breadcrumb.Kafka.Consuming.Internal;
using Breadcrumb.Kafka.Filtering.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka;

/// <content>The consume loop, which runs on the consumer's dedicated thread.</content>
public sealed partial class KeyFilteredConsumer
{
    private ConsumeResultSummary Run(ChannelWriter<ConsumedRecord>? writer, SemaphoreSlim? slots, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var startedAt = time.GetTimestamp();
        var tally = new ConsumeTally();
        var gate = Gate;
        var paused = new HashSet<TopicPartition>();
        try
        {
            using var consumer = Build(tally, startedAt, gate, paused);
            StartReading(consumer, tally, startedAt);
            var reason = Loop(consumer, tally, writer, slots, gate, paused, cancellationToken);
            Finish(consumer, tally);
            return tally.ToSummary(options, reason, time.GetElapsedTime(startedAt));
        }
        finally
        {
            writer?.TryComplete();
        }
    }

    private ConsumeStopReason Loop(
        IConsumer<string, byte[]> consumer,
        ConsumeTally tally,
        ChannelWriter<ConsumedRecord>? writer,
        SemaphoreSlim? slots,
        GroupStartGate? gate,
        HashSet<TopicPartition> paused,
        CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var filter = options.Filter;
        var keepAll = filter is AnyFilter;
        var lazy = new LazyRecord(null);
        var maxRecords = options.MaxRecords ?? long.MaxValue;
        var idleTimeout = options.IdleTimeout;
        var lastActivity = time.GetTimestamp();
        var gateOpen = gate is null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!gateOpen)
                {
                    // Waiting for the other members is not idleness: the clock starts when everyone can read.
                    lastActivity = time.GetTimestamp();
                    if (gate!.CheckOpen())
                    {
                        gateOpen = true;
                        ResumePaused(consumer, paused);
                    }
                }

                ConsumeResult<string, byte[]>? result;
                try
                {
                    result = consumer.Consume(KeyFilteredConsumerDefaults.PollInterval);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    tally.Warn(e.Error.Reason);
                    continue;
                }

                if (result is null)
                {
                    if (idleTimeout != Timeout.InfiniteTimeSpan && time.GetElapsedTime(lastActivity) >= idleTimeout)
                    {
                        return ConsumeStopReason.IdleTimeout;
                    }

                    continue;
                }

                if (result.IsPartitionEOF)
                {
                    tally.AtEnd(result.Topic, result.Partition.Value);
                    if (options.StopAtEndOfPartitions && gateOpen && tally.AllAssignedAtEnd)
                    {
                        return ConsumeStopReason.EndOfPartitions;
                    }

                    continue;
                }

                lastActivity = time.GetTimestamp();
                var partition = tally.Partition(result.Topic, result.Partition.Value);
                var offset = result.Offset.Value;
                var key = result.Message.Key;
                if (!keepAll && !filter.Matches(new RecordFilterInput(key, partition.Partition, offset, lazy.Reset(result.Message.Value))))
                {
                    tally.Skip(partition, offset);
                    continue;
                }

                tally.Keep(partition, key, offset);
                if (writer is not null)
                {
                    // Back-pressure: wait on this dedicated thread until the reader has taken enough records.
                    slots!.Wait(cancellationToken);
                    writer.TryWrite(new ConsumedRecord(
                        options.Name, partition.Topic, partition.Partition, offset, key, result.Message.Timestamp.UtcDateTime, result.Message.Value));
                    lastActivity = time.GetTimestamp();
                }

                if (tally.Kept >= maxRecords)
                {
                    return ConsumeStopReason.MaxRecords;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return ConsumeStopReason.Cancelled;
    }

    private IConsumer<string, byte[]> Build(ConsumeTally tally, long startedAt, GroupStartGate? gate, HashSet<TopicPartition> paused)
    {
        var config = connection.CreateConsumerConfig(options.GroupId!);
        config.ClientId = options.Name;
        config.AutoOffsetReset = options.AutoOffsetReset;
        config.IsolationLevel = options.IsolationLevel;
        config.EnableAutoCommit = options.CommitOffsets;
        config.EnablePartitionEof = options.StopAtEndOfPartitions;
        options.ConfigureConsumer?.Invoke(config);

        var time = options.TimeProvider;
        return new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => tally.Warn(error.Reason))
            .SetPartitionsAssignedHandler((c, added) =>
            {
                tally.OnAssigned(time.GetElapsedTime(startedAt), added);
                if (gate is null || added.Count == 0)
                {
                    return;
                }

                if (!gate.IsOpen)
                {
                    // Paused before Confluent assigns them: librdkafka keeps an application pause across the assign,
                    // so no record is fetched until every member holds a partition.
                    c.Pause(added);
                    paused.UnionWith(added);
                }

                gate.Report(MemberIndex, tally.AssignedCount);
            })
            .SetPartitionsRevokedHandler((_, removed) =>
            {
                tally.OnRemoved(time.GetElapsedTime(startedAt), removed.Select(p => p.TopicPartition).ToList(), lost: false);
                gate?.Report(MemberIndex, tally.AssignedCount);
            })
            .SetPartitionsLostHandler((_, lost) =>
            {
                tally.OnRemoved(time.GetElapsedTime(startedAt), lost.Select(p => p.TopicPartition).ToList(), lost: true);
                gate?.Report(MemberIndex, tally.AssignedCount);
            })
            .Build();
    }

    private void StartReading(IConsumer<string, byte[]> consumer, ConsumeTally tally, long startedAt)
    {
        var topics = options.AllTopics();
        if (options.Partitions is null)
        {
            consumer.Subscribe(topics);
            return;
        }

        // Assigned partitions start at the group's committed offset, or at AutoOffsetReset when there is none.
        var partitions = topics.SelectMany(t => options.Partitions.Select(p => new TopicPartition(t, p))).ToList();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset)));
        tally.OnAssigned(options.TimeProvider.GetElapsedTime(startedAt), partitions);
        Gate?.Report(MemberIndex, partitions.Count);
    }

    private static void ResumePaused(IConsumer<string, byte[]> consumer, HashSet<TopicPartition> paused)
    {
        if (paused.Count > 0)
        {
            // Resuming a partition that has since been revoked is harmless; one later re-assigned must not stay paused.
            consumer.Resume(paused);
            paused.Clear();
        }
    }

    private void Finish(IConsumer<string, byte[]> consumer, ConsumeTally tally)
    {
        if (options.CommitOffsets && tally.Kept + tally.Skipped > 0)
        {
            try
            {
                // Auto-commit runs every 5 s; commit now so a rerun in the same group starts after what was read.
                consumer.Commit();
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
            {
                // Nothing new to commit since the last auto-commit.
            }
            catch (KafkaException e)
            {
                tally.Warn($"offsets were not committed: {e.Error.Code} ({e.Error.Reason})");
            }
        }

        consumer.Close();
    }
}
