using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>Section I's knobs.</summary>
public sealed record TransactionsOptions
{
    /// <summary>Gets the second topic of step 9.</summary>
    public string? SecondTopic { get; init; }

    /// <summary>Gets how many 4-record transactions each part runs.</summary>
    public int Batches { get; init; } = 10;

    /// <summary>Gets the wait between sending a batch and flipping the coin (the lab's 2 s).</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>Lab section I: transactions of 4 records, a coin flip to commit or abort, and a read_committed consumer.</summary>
public static class TransactionsSection
{
    /// <summary>Runs steps 6 to 9 and measures what a read_committed consumer sees.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<TransactionsSummary> RunAsync(SampleContext ctx, TransactionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var second = options.SecondTopic ?? $"{ctx.Topic}-2";
        await ctx.EnsureTopicAsync(ctx.Topic);
        await ctx.EnsureTopicAsync(second);

        ctx.Step("0", "Probe: does this broker hide aborted records from read_committed consumers?");
        var probe = ctx.Cluster is not null
            ? await ReadCommittedProbe.RunAsync(ctx.Cluster, ctx.CancellationToken)
            : await ReadCommittedProbe.RunAsync(ctx.Connection, $"{ctx.Topic}-probe", cancellationToken: ctx.CancellationToken);
        ctx.Info(probe.ToString());

        ctx.Step("6-8", $"Transactions of 4 records into '{ctx.Topic}', wait {options.Wait.TotalSeconds:0.#} s, coin flip; then a read_committed consumer");
        var one = await RunPartAsync(ctx, "one topic", [ctx.Topic], [4], options, seedOffset: 0);

        ctx.Step("9", $"Transactions across two topics: 2 records to '{ctx.Topic}' and 2 to '{second}', coin flip; one consumer on both");
        var two = await RunPartAsync(ctx, "two topics", [ctx.Topic, second], [2, 2], options, seedOffset: 1);

        var parts = new[] { one, two };
        return new TransactionsSummary
        {
            Section = "I",
            Topic = ctx.Topic,
            Produced = parts.Sum(p => p.CommittedRecords + p.AbortedRecords),
            Consumed = parts.Sum(p => p.ConsumedRecords),
            CommittedRecords = parts.Sum(p => p.CommittedRecords),
            AbortedRecords = parts.Sum(p => p.AbortedRecords),
            ConsumedRecords = parts.Sum(p => p.ConsumedRecords),
            OnlyCommittedSeen = parts.All(p => p.OnlyCommittedSeen),
            BrokerFiltersAborted = probe.IsSupported,
            ProbeReason = probe.Reason,
            Limitation = probe.IsSupported
                ? null
                : "This broker does not filter aborted transactions for read_committed consumers (librdkafka's mock cluster answers every "
                    + "Fetch with LastStableOffset = high watermark and no aborted-transaction list), so the consumer sees aborted records too. "
                    + "On Kafka or Confluent Cloud (-f librdkafka.config) the same run shows only committed records.",
            Parts = parts,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static async Task<TransactionPart> RunPartAsync(
        SampleContext ctx, string name, string[] topics, int[] perTopic, TransactionsOptions options, int seedOffset)
    {
        var batchOptions = LabPreset.Apply(new TransactionalBatchOptions
        {
            TransactionalId = $"lab-i-{name.Replace(' ', '-')}-{ctx.RunId}",
            DecisionDelay = options.Wait,
            Decision = TransactionDecision.CoinFlip(ctx.Settings.Seed + seedOffset),
        });
        foreach (var (topic, count) in topics.Zip(perTopic))
        {
            batchOptions.Topics.Add(topic);
            batchOptions.RecordsPerTopic.Add(count);
        }

        TransactionRunSummary run;
        await using (var producer = new TransactionalBatchProducer(ctx.Connection, batchOptions))
        {
            await producer.InitAsync(ctx.CancellationToken);
            var progress = new Progress<TransactionBatchResult>(b =>
                ctx.Info($"  transaction {b.BatchNumber}: {b.Outcome} ({b.Records.Count} records; {b.Reason})"));
            var records = BreadcrumbFile.Generate(options.Batches * 4, ctx.Settings.Seed + seedOffset);
            run = await producer.RunAsync(records, options.Batches, progress, ctx.CancellationToken);
        }

        var seen = new List<TopicPartitionOffset>();
        // One read_committed consumer on every topic of the part, as the lab's step 9 asks ("consume from the two queues").
        var consumerOptions = LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            GroupId = ctx.GroupId($"lab-i-{name.Replace(' ', '-')}"),
            IsolationLevel = IsolationLevel.ReadCommitted,
            StopAtEndOfPartitions = true,
            IdleTimeout = ctx.Settings.IdleTimeout,
        });
        foreach (var topic in topics)
        {
            consumerOptions.Topics.Add(topic);
        }

        await using (var consumer = new KeyFilteredConsumer(ctx.Connection, consumerOptions))
        {
            await foreach (var record in consumer.ReadAllAsync(ctx.CancellationToken))
            {
                seen.Add(new TopicPartitionOffset(record.Topic, record.Partition, record.Offset));
            }
        }

        ctx.CancellationToken.ThrowIfCancellationRequested();
        var report = ReadCommittedVerifier.Verify(run, seen);
        var t = report.Topics.Values.ToList();
        var ownRecords = seen.Count - t.Sum(r => r.Unexpected.Count);
        var onlyCommitted = t.All(r => r.Missed.Count == 0 && r.SeenTwice.Count == 0 && r.LeakedAborted.Count == 0 && r.LeakedOpen.Count == 0);
        foreach (var topicReport in t)
        {
            ctx.Info($"  {topicReport}");
        }

        return new TransactionPart(
            name,
            topics,
            run.BatchCount,
            run.CommittedBatches,
            run.AbortedBatches,
            run.CommittedRecords.Count,
            run.AbortedRecords.Count,
            ownRecords,
            t.Sum(r => r.LeakedAborted.Count),
            t.Sum(r => r.Missed.Count),
            t.Sum(r => r.Unexpected.Count),
            onlyCommitted);
    }
}
