using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.MultipleProducers;

/// <summary>Lab section D: clear the topic, two producers at once, offsets per partition, one consumer gets all.</summary>
public static class MultipleProducersSection
{
    /// <summary>Runs steps 1 and 2.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="producers">How many concurrent producers (the lab: 2).</param>
    /// <returns>The measured summary.</returns>
    public static async Task<MultipleProducersSummary> RunAsync(SampleContext ctx, int producers = 2)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cleared = await ctx.StartWithEmptyTopicAsync(step: "1");

        ctx.Step("2", $"Run {producers} producers concurrently, each sending all {ctx.Settings.Records} records");
        var records = BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed).ToList();
        var runs = await Task.WhenAll(Enumerable.Range(0, producers).Select(async i =>
        {
            var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = ctx.Topic, Name = $"producer{i}", KeyStrategy = KeyStrategy.ProducerName });
            await using var producer = new BreadcrumbProducer(ctx.Connection, options);
            return await producer.ProduceAllAsync(records, ctx.CancellationToken);
        }));
        foreach (var run in runs)
        {
            ctx.Info($"  {run.Producer}: delivered {run.Delivered} to partition(s) {string.Join(", ", run.Partitions.Select(p => p.Partition))}");
        }

        ctx.Step("2b", "When finished, run the consumer once");
        var consumed = await ctx.ConsumeToEndAsync(ctx.GroupId("lab-d"));
        ctx.Info($"  consumed {consumed.Total}");
        return new MultipleProducersSummary
        {
            Section = "D",
            Topic = ctx.Topic,
            Produced = runs.Sum(r => r.Delivered),
            Consumed = consumed.Total,
            Cleared = cleared,
            Producers = [.. runs.Select(r => new ProducerOffsets(
                r.Producer, r.Producer, r.Delivered, [.. r.Partitions.Select(p => new PartitionSpan(p.Partition, p.FirstOffset, p.LastOffset, p.Count))]))],
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
