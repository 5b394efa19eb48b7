using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Keys;

/// <summary>Lab section F: random keys 1–5; consume one key, a key set, and a key that does not exist.</summary>
public static class KeysSection
{
    /// <summary>Runs steps 1 to 5.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<KeysSummary> RunAsync(SampleContext ctx, KeysOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ctx.StartWithEmptyTopicAsync(step: "1");

        ctx.Step("2", $"Produce {ctx.Settings.Records} records, each keyed with a random number 1–5 (seed {ctx.Settings.Seed})");
        var producedPerKey = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var producerOptions = LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = ctx.Topic,
            Name = "producer0",
            KeyStrategy = KeyStrategy.Random1To5(ctx.Settings.Seed),
            OnDelivery = r => producedPerKey.AddOrUpdate(r.Key ?? "<null>", 1, (_, n) => n + 1),
        });
        ProduceRunSummary produced;
        await using (var producer = new BreadcrumbProducer(ctx.Connection, producerOptions))
        {
            produced = await producer.ProduceAllAsync(BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed), ctx.CancellationToken);
        }

        ctx.Step("3", "Consume only the records of one key, for each key 1–5, then a set of keys");
        var reads = new List<KeyRead>();
        foreach (var key in new[] { "1", "2", "3", "4", "5" })
        {
            reads.Add(await ReadAsync(ctx, $"lab-f-{key}", key, RecordFilter.Key(key)));
        }

        var setName = string.Join(",", options.KeySet);
        var set = await ReadAsync(ctx, "lab-f-set", setName, RecordFilter.Keys(options.KeySet));
        reads.Add(set);

        ctx.Step("4", $"Consume the records with key \"{options.MissingKey}\", which no record has");
        var missing = await ReadAsync(ctx, "lab-f-missing", options.MissingKey, RecordFilter.Key(options.MissingKey));
        reads.Add(missing);

        ctx.Step("5", "Check that order within each key held in every read");
        var perKey = reads.Take(5).ToDictionary(r => r.Filter, r => r.Kept);
        return new KeysSummary
        {
            Section = "F",
            Topic = ctx.Topic,
            Produced = produced.Delivered,
            Consumed = perKey.Values.Sum(),
            PerKey = perKey,
            ProducedPerKey = producedPerKey.ToDictionary(),
            KeySet = set,
            MissingKey = options.MissingKey,
            MissingKeyCount = missing.Kept,
            OrderWithinKeyHeld = reads.All(r => r.OrderHeld),
            Reads = reads,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static async Task<KeyRead> ReadAsync(SampleContext ctx, string group, string name, IRecordFilter filter)
    {
        var summary = await ctx.ConsumeToEndAsync(ctx.GroupId(group), filter);
        var read = new KeyRead(
            name,
            summary.Total,
            summary.Skipped,
            [.. summary.PerPartition.Where(p => p.Kept > 0).Select(p => p.Partition).Order()],
            summary.OrderHeld,
            Math.Round(summary.Elapsed.TotalSeconds, 2),
            summary.StopReason.ToString());
        ctx.Info($"  key(s) {name}: kept {read.Kept}, skipped {read.Skipped}, partitions [{string.Join(", ", read.Partitions)}], order {(read.OrderHeld ? "held" : "broken")}");
        return read;
    }
}
