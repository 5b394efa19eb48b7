using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>Lab section I: transactions of 4 records, a coin flip to commit or abort, and a read_committed consumer.</summary>
public static class TransactionsSection
{
    /// <summary>Runs steps 6 to 9 and measures what the consumer sees.</summary>
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

        ctx.Step("6-8", $"Transactions of 4 records into '{ctx.Topic}', wait {options.Wait.TotalSeconds:0.#} s, coin flip; then a {Name(options.IsolationLevel)} consumer");
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
            IsolationLevel = Name(options.IsolationLevel),
            CommittedRecords = parts.Sum(p => p.CommittedRecords),
            AbortedRecords = parts.Sum(p => p.AbortedRecords),
            ConsumedRecords = parts.Sum(p => p.ConsumedRecords),
            AbortedSeen = parts.Sum(p => p.AbortedSeen),
            PreexistingRecords = parts.Sum(p => p.PreexistingRecords),
            OnlyCommittedSeen = parts.All(p => p.OnlyCommittedSeen),
            BrokerFiltersAborted = probe.IsSupported,
            ProbeReason = probe.Reason,
            Limitation = probe.IsSupported
                ? null
                : "This broker does not filter aborted transactions for read_committed consumers (its Fetch answers carry no last stable "
                    + "offset or aborted-transaction list), so the consumer sees aborted records too. "
                    + "On Kafka or Confluent Cloud (-f librdkafka.config) the same run shows only committed records.",
            Parts = parts,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static string Name(IsolationLevel level) => level == IsolationLevel.ReadCommitted ? "read_committed" : "read_uncommitted";

    private static async Task<TransactionPart> RunPartAsync(
        SampleContext ctx, string name, string[] topics, int[] perTopic, TransactionsOptions options, int seedOffset)
    {
        // Fresh topics for every part: records of an earlier part or run would otherwise be read again.
        long cleared = 0;
        foreach (var topic in topics)
        {
            cleared += await ctx.ClearTopicAsync(topic);
        }

        var tags = new TransactionTags($"lab-i-{name.Replace(' ', '-')}-{ctx.RunId}");
        var records = BreadcrumbFile.Generate(options.Batches * 4, ctx.Settings.Seed + seedOffset).ToList();
        var keys = new Dictionary<BreadcrumbRecord, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < records.Count; i++)
        {
            keys[records[i]] = tags.Key((i / 4) + 1, i % 4);
        }

        var batchOptions = LabPreset.Apply(new TransactionalBatchOptions
        {
            TransactionalId = tags.TransactionalId,
            DecisionDelay = options.Wait,
            Decision = TransactionDecision.CoinFlip(ctx.Settings.Seed + seedOffset),
            KeySelector = r => keys[r],
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
            run = await producer.RunAsync(records, options.Batches, progress, ctx.CancellationToken);
        }

        // One consumer on every topic of the part, as the lab's step 9 asks ("consume from the two queues").
        var consumerOptions = LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            GroupId = ctx.GroupId($"lab-i-{name.Replace(' ', '-')}"),
            IsolationLevel = options.IsolationLevel,
            StopAtEndOfPartitions = true,
            IdleTimeout = ctx.Settings.IdleTimeout,
        });
        foreach (var topic in topics)
        {
            consumerOptions.Topics.Add(topic);
        }

        var received = new List<(string, int, long, string?)>();
        await using (var consumer = new KeyFilteredConsumer(ctx.Connection, consumerOptions))
        {
            await foreach (var record in consumer.ReadAllAsync(ctx.CancellationToken))
            {
                received.Add((record.Topic, record.Partition, record.Offset, record.Key));
            }
        }

        ctx.CancellationToken.ThrowIfCancellationRequested();
        var outcomes = run.Batches.ToDictionary(b => b.BatchNumber, b => b.IsCommitted);
        var (committedSeen, abortedSeen, twice, missed, preexisting) = ReadClassifier.Classify(tags, outcomes, run.CommittedRecords.Count, received);
        ctx.Info($"  {name}: received {received.Count}: {committedSeen} committed, {abortedSeen} aborted, {twice} twice, {preexisting} older; {missed} committed missed");
        return new TransactionPart(
            name, topics, cleared, run.BatchCount, run.CommittedBatches, run.BatchCount - run.CommittedBatches, run.CommittedRecords.Count,
            run.AbortedRecords.Count, received.Count, committedSeen, abortedSeen, twice, missed, preexisting);
    }
}
