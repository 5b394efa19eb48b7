using Breadcrumb.Kafka.Lab;
namespace Breadcrumb.Kafka.Samples.Concurrent;

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
        var partitions = (await ctx.CreateInspector().GetStatsAsync(ctx.Topic, ctx.CancellationToken)).Partitions.Count;

        ctx.Step("3a", $"Start {options.Consumers} consumers in one group, before any producer");
        var tracker = new GroupTracker();
        var groupClock = new ThreadClock();
        var group = ctx.GroupId("lab-e");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
        var members = Enumerable.Range(0, options.Consumers).Select(i => new KeyFilteredConsumer(ctx.Connection, LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = ctx.Topic,
            GroupId = group,
            Name = $"consumer{i}",
            Filter = tracker.Filter,
            // The group is stopped as a whole once it has read what the producers delivered (or went idle), so every
            // member's final assignment is taken at the same moment.
            IdleTimeout = Timeout.InfiniteTimeSpan,
            TimeProvider = groupClock,
        }))).ToList();
        var consuming = Task.WhenAll(members.Select(m => m.RunAsync(stop.Token)));

        ctx.Step("2-3b", $"{options.Producers} producers keyed producer0..{options.Producers - 1}, {options.Pacing.TotalMilliseconds:0} ms after each send");
        var records = BreadcrumbFile.Generate(options.RecordsPerProducer, ctx.Settings.Seed).ToList();
        var delivered = new DeliveredIds();
        var runs = await Task.WhenAll(Enumerable.Range(0, options.Producers).Select(async i =>
        {
            var producerOptions = LabPreset.Apply(new BreadcrumbProducerOptions
            {
                Topic = ctx.Topic,
                Name = $"producer{i}",
                KeyStrategy = KeyStrategy.ProducerName,
                DelayAfterEachSend = options.Pacing,
                OnDelivery = delivered.Report,
            });
            await using var producer = new BreadcrumbProducer(ctx.Connection, producerOptions);
            return await producer.ProduceAllAsync(records, ctx.CancellationToken);
        }));
        ctx.Info($"  producers done: {runs.Sum(r => r.Delivered)} delivered; waiting for the group to read them");

        var expected = delivered.ToRanges();
        var idle = ctx.Settings.IdleTimeout + (4 * options.Pacing);
        await tracker.WaitAsync(expected, idle > GroupTracker.RebalanceAllowance ? idle : GroupTracker.RebalanceAllowance, options.ConsumeDeadline, ctx.CancellationToken);
        await stop.CancelAsync();
        var consumed = await consuming;
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }

        ctx.CancellationToken.ThrowIfCancellationRequested();
        var consumers = GroupAssignment.AtFirstClose([.. consumed.Select(c => ConsumerReport.From(c, groupClock))]);
        var groupRun = new GroupRun("3", group, partitions, consumers, tracker.Reads, tracker.DistinctIds(), expected);
        ctx.Info($"  {GroupTables.Describe(groupRun)}");
        return new ConcurrentSummary
        {
            Section = "E",
            Topic = ctx.Topic,
            Produced = runs.Sum(r => r.Delivered),
            Consumed = consumers.Sum(c => c.Count),
            PacingMs = (int)options.Pacing.TotalMilliseconds,
            RecordsPerProducer = options.RecordsPerProducer,
            Producers = [.. runs.Select(r => new PacedProducer(
                r.Producer, r.Producer, r.Delivered, [.. r.Partitions.Select(p => new PartitionSpan(p.Partition, p.FirstOffset, p.LastOffset, p.Count))]))],
            Consumers = consumers,
            Group = groupRun,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
