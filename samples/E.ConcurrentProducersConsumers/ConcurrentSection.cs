using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Concurrent;

/// <summary>Section E's knobs.</summary>
public sealed record ConcurrentOptions
{
    /// <summary>Gets the number of producers (the lab: 2 or 3).</summary>
    public int Producers { get; init; } = 3;

    /// <summary>Gets the number of consumers in the group (the lab: 2).</summary>
    public int Consumers { get; init; } = 2;

    /// <summary>Gets the records each producer sends.</summary>
    public int RecordsPerProducer { get; init; } = 100;

    /// <summary>Gets the pause after each send (the lab: 250 ms).</summary>
    public TimeSpan Pacing { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>Lab section E: paced producers and a group of consumers, all at the same time.</summary>
public static class ConcurrentSection
{
    /// <summary>Runs steps 1 to 3.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<ConcurrentSummary> RunAsync(SampleContext ctx, ConcurrentOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ctx.StartWithEmptyTopicAsync(step: "1");

        ctx.Step("3a", $"Start {options.Consumers} consumers in one group, before any producer");
        var groupOptions = LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = ctx.Topic,
            GroupId = ctx.GroupId("lab-e"),
            // A member stops once nothing new came for a while after the producers are done; the pacing gap must not trip it.
            IdleTimeout = ctx.Settings.IdleTimeout + (4 * options.Pacing),
        });
        var members = Enumerable.Range(0, options.Consumers).Select(i =>
        {
            groupOptions.Name = $"consumer{i}";
            return new KeyFilteredConsumer(ctx.Connection, groupOptions);
        }).ToList();
        var consuming = Task.WhenAll(members.Select(m => m.RunAsync(ctx.CancellationToken)));

        ctx.Step("2-3b", $"{options.Producers} producers keyed producer0..{options.Producers - 1}, {options.Pacing.TotalMilliseconds:0} ms after each send");
        var records = BreadcrumbFile.Generate(options.RecordsPerProducer, ctx.Settings.Seed).ToList();
        var runs = await Task.WhenAll(Enumerable.Range(0, options.Producers).Select(async i =>
        {
            var producerOptions = LabPreset.Apply(new BreadcrumbProducerOptions
            {
                Topic = ctx.Topic,
                Name = $"producer{i}",
                KeyStrategy = KeyStrategy.ProducerName,
                DelayAfterEachSend = options.Pacing,
            });
            await using var producer = new BreadcrumbProducer(ctx.Connection, producerOptions);
            return await producer.ProduceAllAsync(records, ctx.CancellationToken);
        }));
        ctx.Info($"  producers done: {runs.Sum(r => r.Delivered)} delivered; waiting for the consumers to go idle");

        var consumed = await consuming;
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }

        ctx.CancellationToken.ThrowIfCancellationRequested();
        var consumers = consumed.Select(ConsumerReport.From).ToList();
        return new ConcurrentSummary
        {
            Section = "E",
            Topic = ctx.Topic,
            Produced = runs.Sum(r => r.Delivered),
            Consumed = consumers.Sum(c => c.Count),
            PacingMs = (int)options.Pacing.TotalMilliseconds,
            Producers = [.. runs.Select(r => new PacedProducer(
                r.Producer, r.Producer, r.Delivered, [.. r.Partitions.Select(p => new PartitionSpan(p.Partition, p.FirstOffset, p.LastOffset, p.Count))]))],
            Consumers = consumers,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
