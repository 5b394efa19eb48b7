using System.Threading.Channels;
using Breadcrumb.Kafka.Lab.Consuming.Internal;
using Breadcrumb.Kafka.Diagnostics;
using Breadcrumb.Kafka.Lab.Diagnostics;
using Breadcrumb.Kafka.Logging;
using Breadcrumb.Kafka.Lab.Filtering.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <content>The consume loop, which runs on the consumer's dedicated thread.</content>
public sealed partial class KeyFilteredConsumer
{
    private ConsumeResultSummary Run(Channel<ConsumedRecord>? channel, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var startedAt = time.GetTimestamp();
        var tally = new ConsumeTally();
        var gate = new GateState(Gate);
        try
        {
            using var consumer = Build(tally, startedAt, gate);
            StartReading(consumer, tally, startedAt);
            var reason = Loop(consumer, tally, channel, gate, cancellationToken);
            Finish(consumer, tally, options.CommitOffsets);
            return tally.ToSummary(options, reason, time.GetElapsedTime(startedAt));
        }
        finally
        {
            channel?.Writer.TryComplete();
        }
    }

    private ConsumeStopReason Loop(
        IConsumer<string, byte[]> consumer,
        ConsumeTally tally,
        Channel<ConsumedRecord>? channel,
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
        var sawRecord = false;
        var flowPaused = false;
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

                if (channel is not null)
                {
                    flowPaused = ControlFlow(consumer, channel.Reader.Count, flowPaused);
                    if (flowPaused)
                    {
                        // Waiting for a slow reader is not idleness.
                        lastActivity = time.GetTimestamp();
                    }
                }

                ConsumeResult<string, byte[]>? result;
                var pollStarted = ReceiveTelemetry.PollStarted();
                try
                {
                    result = consumer.Consume(flowPaused ? KeyFilteredConsumerDefaults.FlowPausedPollInterval : KeyFilteredConsumerDefaults.PollInterval);
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
                    if (sawRecord)
                    {
                        // Records arrived during the last poll interval: idleness starts now, not at the last record.
                        lastActivity = time.GetTimestamp();
                        sawRecord = false;
                    }

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

                // No clock read per record: the next empty poll restarts the idle clock.
                sawRecord = true;
                ReceiveTelemetry.OnReceived(consumer, result, options.Name, options.GroupId, pollStarted);
                if (++sinceStore >= StoreEvery)
                {
                    StoreOffsets(consumer, tally.Assigned, tally);
                    sinceStore = 0;
                }

                var partition = tally.Partition(result.Topic, result.Partition.Value);
                var offset = result.Offset.Value;
                var key = result.Message.Key;
                if (!keepAll && !filter.Matches(new RecordFilterInput(key, partition.Partition, offset, lazy.Reset(result.Message.Value))
                {
                    Topic = partition.Topic,
                    Timestamp = result.Message.Timestamp.UtcDateTime,
                    Headers = result.Message.Headers,
                }))
                {
                    tally.Skip(partition, offset);
                    continue;
                }

                tally.Keep(partition, key, offset);
                if (channel is not null)
                {
                    // Noted before handing over: a record kept but never taken by the caller must not be committed.
                    handedOffsets?.Buffered(partition.Topic, partition.Partition, offset);
                    channel.Writer.TryWrite(new ConsumedRecord(
                        options.Name, partition.Topic, partition.Partition, offset, key, result.Message.Timestamp.UtcDateTime, result.Message.Value));
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
            .WithLogging(connection.CreateLogger<KeyFilteredConsumer>(), error => tally.Warn(error.Reason))
            .SetOffsetsCommittedHandler((_, committed) =>
            {
                var error = committed.Error.IsError ? committed.Error : committed.Offsets.Select(o => o.Error).FirstOrDefault(e => e.IsError);
                if (error is not null && error.Code != ErrorCode.Local_NoOffset)
                {
                    tally.Warn($"offsets were not committed: {error.Code} ({error.Reason})");
                }
            })
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
                CommitBeforeRevoke(c, tally);
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

    private void Finish(IConsumer<string, byte[]> consumer, ConsumeTally tally, bool commitOffsets)
    {
        tally.CaptureFinalAssignment();
        if (commitOffsets)
        {
            // Close() with enable.auto.commit commits the stored offsets synchronously before it leaves,
            // so a rerun in the same group starts after what was read; no separate Commit() round trip.
            StoreOffsetsOf(consumer, tally);
        }

        consumer.Close();
    }
}
