using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Storage;

/// <summary>Lab section C: the file's size, consuming twice, what the broker stores, and topic_clean.</summary>
public static class StorageSection
{
    /// <summary>Gets the default bcsample.json (the one section A writes).</summary>
    public static string DefaultSampleFile { get; } = Path.Combine(Path.GetTempPath(), "breadcrumb-kafka", "bcsample.json");

    /// <summary>Runs steps 1 to 5.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="file">The bcsample.json to measure and produce; generated when missing.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<StorageSummary> RunAsync(SampleContext ctx, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        file ??= DefaultSampleFile;
        await ctx.StartWithEmptyTopicAsync();

        ctx.Step("1", $"wc {file}");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await BreadcrumbFile.WriteAsync(file, BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed), cancellationToken: ctx.CancellationToken);
        }

        var wc = await BreadcrumbFile.CountAsync(file, ctx.CancellationToken);
        var startsWithArray = await StartsWithArrayAsync(file, ctx.CancellationToken);
        ctx.Info($"  {wc.Lines} {wc.Words} {wc.Bytes} {Path.GetFileName(file)}");

        ctx.Step("2", "Run the producer once, then the consumer several times in one group, then in a new group");
        long produced;
        await using (var producer = new BreadcrumbProducer(ctx.Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = ctx.Topic, Name = "producer0" })))
        {
            produced = (await producer.ProduceAllAsync(BreadcrumbFile.ReadAsync(file, cancellationToken: ctx.CancellationToken), ctx.CancellationToken)).Delivered;
        }

        // Read from the broker before any consumer runs: what it holds does not depend on anyone reading it.
        var beforeConsumers = await ctx.CreateInspector().GetStatsAsync(ctx.Topic, ctx.CancellationToken);
        var group = ctx.GroupId("lab-c");
        var first = await ConsumeAsync(ctx, group);
        var second = await ConsumeAsync(ctx, group);
        var fresh = await ConsumeAsync(ctx, ctx.GroupId("lab-c-new"));

        ctx.Step("3-4", "Where is the data before a consumer reads it, and how much does the broker store?");
        var stats = await ctx.CreateInspector().GetStatsAsync(ctx.Topic, ctx.CancellationToken);
        ctx.Info($"  {stats.Messages} records in {stats.Partitions.Count} partitions; bytes: {stats.BytesStored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? stats.BytesNote}");

        ctx.Step("5", "topic_clean: read and discard every record");
        var drainGroup = ctx.GroupId("lab-c-topic-clean");
        var drained = await ctx.CreateCleaner().DrainAsync(ctx.Topic, drainGroup, ctx.CancellationToken);
        var lag = await ctx.CreateInspector().GetLagAsync(ctx.Topic, drainGroup, ctx.CancellationToken);
        ctx.Info($"  discarded {drained.Discarded}; left for that group: {lag.TotalLag}");
        ctx.CancellationToken.ThrowIfCancellationRequested();

        return new StorageSummary
        {
            Section = "C",
            Topic = ctx.Topic,
            Produced = produced,
            Consumed = first + second + fresh + drained.Discarded,
            File = Path.GetFullPath(file),
            Wc = wc,
            FileIsJsonArray = startsWithArray,
            HeldBeforeConsumers = beforeConsumers.Messages,
            FirstRunSameGroup = first,
            SecondRunSameGroup = second,
            NewGroup = fresh,
            StoredBytes = stats.BytesStored,
            StoredBytesNote = stats.BytesStored is null ? stats.BytesNote : ctx.StoredBytesSource,
            Partitions = stats.Partitions,
            Drained = drained.Discarded,
            RemainingAfterDrain = lag.TotalLag,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static async Task<bool> StartsWithArrayAsync(string file, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(file);
        await using (stream)
        {
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return buffer.AsSpan(0, read).TrimStart(" \t\r\n"u8).StartsWith("["u8);
        }
    }

    private static async Task<long> ConsumeAsync(SampleContext ctx, string group)
    {
        var options = LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = ctx.Topic, GroupId = group, StopAtEndOfPartitions = true, IdleTimeout = ctx.Settings.IdleTimeout });
        await using var consumer = new KeyFilteredConsumer(ctx.Connection, options);
        var summary = await consumer.RunAsync(ctx.CancellationToken);
        ctx.Info($"  consumer in group {group}: {summary.Total} records ({summary.StopReason})");
        return summary.Total;
    }
}
