using System.Threading.Channels;
using Breadcrumb.Kafka.Consuming.Internal;
using Breadcrumb.Kafka.Diagnostics;
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
        var gate = new GateState(Gate);
        try
        {
            using var consumer = Build(tally, startedAt, gate);
            StartReading(consumer, tally, startedAt);
            var reason = Loop(consumer, tally, writer, slots, gate, cancellationToken);
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
        GateState gate,
        CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var filter = options.Filter;
        var keepAll = filter is AnyFilter;
        var lazy = new LazyRecord(null);
        var maxRecords = options.MaxRecords ?? long.MaxValue;
        var idleTimeout = options.IdleTimeout;
        var lastActivity = time.GetTimestamp();
        var sinceStore = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!gate.Open)
                {
                    // Waiting for the other members is not idleness: the clock starts when everyone can read.
                    lastActivity = time.GetTimestamp();
                    if (gate.Gate!.CheckOpen())
                    {
                        gate.Open = true;
                        ResumePaused(consumer, gate.Paused);
                    }
                }

                ConsumeResult<string, byte[]>? result;
                var pollStarted = ReceiveTelemetry.PollStarted();
                try
                {
                    result = consumer.Consume(KeyFilteredConsumerDefaults.PollInterval);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    tally.Warn(e.Error.Reason);
                    continue;
                }

                if (!gate.Open)
                {
                    PauseNewlyAssigned(consumer, gate.PendingAssigned, gate.Paused);
                    if (result is { IsPartitionEOF: false })
                    {
                        Rewind(consumer, result, gate.Rewound);
                        continue;
                    }
                }

                if (result is null)
                {
                    StoreOffsets(consumer, tally.Assigned, tally);
                    sinceStore = 0;
                    if (idleTimeout != Timeout.InfiniteTimeSpan && time.GetElapsedTime(lastActivity) >= idleTimeout)
                    {
                        return ConsumeStopReason.IdleTimeout;
                    }

                    continue;
                }

                if (result.IsPartitionEOF)
                {
                    tally.AtEnd(result.Topic, result.Partition.Value);
                    if (options.StopAtEndOfPartitions && gate.Open && tally.AllAssignedAtEnd)
                    {
                        return ConsumeStopReason.EndOfPartitions;
                    }

                    continue;
                }

                lastActivity = time.GetTimestamp();
                ReceiveTelemetry.OnReceived(consumer, result, options.Name, options.GroupId, pollStarted);
                if (++sinceStore >= StoreEvery)
                {
                    StoreOffsets(consumer, tally.Assigned, tally);
                    sinceStore = 0;
                }

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

    private IConsumer<string, byte[]> Build(ConsumeTally tally, long startedAt, GateState gate)
    {
        var config = connection.CreateConsumerConfig(options.GroupId!);
        config.ClientId = options.Name;
        config.AutoOffsetReset = options.AutoOffsetReset;
        config.IsolationLevel = options.IsolationLevel;
        config.EnableAutoCommit = options.CommitOffsets;

        // Offsets are stored by the loop (in batches) only for records it has read, never for records fetched
        // while a group gate held them back; auto-commit and the final commit send what was stored.
        config.EnableAutoOffsetStore = false;
        config.EnablePartitionEof = options.StopAtEndOfPartitions;
        options.ConfigureConsumer?.Invoke(config);

        var time = options.TimeProvider;
        return StatisticsHook.Attach(new ConsumerBuilder<string, byte[]>(config), config, options.Statistics)
            .SetErrorHandler((_, error) => tally.Warn(error.Reason))
            .SetPartitionsAssignedHandler((c, added) =>
            {
                tally.OnAssigned(time.GetElapsedTime(startedAt), added);
                if (gate.Gate is null || added.Count == 0)
                {
                    return;
                }

                if (!gate.Open)
                {
                    gate.PendingAssigned.AddRange(added);
                }

                gate.Gate.Report(MemberIndex, tally.AssignedCount);
            })
            .SetPartitionsRevokedHandler((c, removed) =>
            {
                // Store before the revoke completes: librdkafka commits the revoked partitions' stored offsets.
                var partitions = removed.Select(p => p.TopicPartition).ToList();
                StoreOffsets(c, partitions, tally);
                tally.OnRemoved(time.GetElapsedTime(startedAt), partitions, lost: false);
                gate.Gate?.Report(MemberIndex, tally.AssignedCount);
            })
            .SetPartitionsLostHandler((_, lost) =>
            {
                tally.OnRemoved(time.GetElapsedTime(startedAt), lost.Select(p => p.TopicPartition).ToList(), lost: true);
                gate.Gate?.Report(MemberIndex, tally.AssignedCount);
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
        tally.CaptureFinalAssignment();
        StoreOffsets(consumer, tally.Assigned, tally);
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
