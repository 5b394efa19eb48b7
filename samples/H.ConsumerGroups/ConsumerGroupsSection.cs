using System.Globalization;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>Lab section H: two groups each get everything; two consumers in one group split it; a new group reads all.</summary>
public static class ConsumerGroupsSection
{
    /// <summary>Runs steps 1 to 5, then reads the history with a new group.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs; defaults when null.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<ConsumerGroupsSummary> RunAsync(SampleContext ctx, ConsumerGroupsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        options ??= new ConsumerGroupsOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ctx.StartWithEmptyTopicAsync();
        var partitions = (await ctx.CreateInspector().GetStatsAsync(ctx.Topic, ctx.CancellationToken)).Partitions.Count;
        var groupA = ctx.GroupId("lab-h-group1");
        var groupB = ctx.GroupId("lab-h-group2");

        ctx.Step("1-2", $"Two consumer groups with one consumer each; the producer sends {ctx.Settings.Records} records");
        var first = await ProduceAsync(ctx, "2");

        ctx.Step("3", "Run each group's consumer: each should get all of them");
        var round1 = await ConsumeAsync(ctx, options, partitions, "3", first.Ids, (groupA, 1), (groupB, 1));

        ctx.Step("4-5", $"Add a second consumer to group 1; rerun the producer ({ctx.Settings.Records} more) and the consumers");
        var second = await ProduceAsync(ctx, "5");
        var round2 = await ConsumeAsync(ctx, options, partitions, "5", second.Ids, (groupA, 2), (groupB, 1));

        ctx.Step("+", "A new group reads the topic's whole history");
        var history = await ConsumeAsync(
            ctx, options, partitions, "new group", OffsetRanges.From(first.Ids.Concat(second.Ids).SelectMany(Expand)), (ctx.GroupId("lab-h-new"), 1));

        GroupRun[] groups = [.. round1, .. round2, .. history];
        return new ConsumerGroupsSummary
        {
            Section = "H",
            Topic = ctx.Topic,
            Produced = first.Production.Delivered + second.Production.Delivered,
            Consumed = groups.Sum(g => g.Members.Sum(m => m.Count)),
            RecordsPerRun = ctx.Settings.Records,
            Productions = [first.Production, second.Production],
            Consumers = [.. round2.SelectMany(g => g.Members)],
            NewGroup = history.Sum(g => g.Members.Sum(m => m.Count)),
            Groups = groups,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static IEnumerable<(int, long)> Expand(OffsetRange r)
    {
        for (var o = r.From; o <= r.To; o++)
        {
            yield return (r.Partition, o);
        }
    }

    private static async Task<(Production Production, IReadOnlyList<OffsetRange> Ids)> ProduceAsync(SampleContext ctx, string step)
    {
        // Keyed by position so the records spread over every partition: a group's members can only split what is spread.
        var delivered = new DeliveredIds();
        var options = LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = ctx.Topic,
            Name = "producer0",
            KeyStrategy = KeyStrategy.Custom(k => k.Index.ToString(CultureInfo.InvariantCulture)),
            OnDelivery = delivered.Report,
        });
        ProduceRunSummary run;
        await using (var producer = new BreadcrumbProducer(ctx.Connection, options))
        {
            run = await producer.ProduceAllAsync(BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed), ctx.CancellationToken);
        }

        ctx.Info($"  delivered {run.Delivered}");
        var spans = run.Partitions.Select(p => new PartitionSpan(p.Partition, p.FirstOffset, p.LastOffset, p.Count)).ToList();
        return (new Production(step, run.Delivered, spans), delivered.ToRanges());
    }

    private static async Task<IReadOnlyList<GroupRun>> ConsumeAsync(
        SampleContext ctx, ConsumerGroupsOptions options, int partitions, string step, IReadOnlyList<OffsetRange> expected, params (string Group, int Members)[] groups)
    {
        var runs = await Task.WhenAll(groups.Select(async g =>
        {
            var tracker = new GroupTracker(options.Keep);
            var clock = new ThreadClock();
            var consumerOptions = LabPreset.Apply(new KeyFilteredConsumerOptions
            {
                Topic = ctx.Topic,
                GroupId = g.Group,
                Filter = tracker.Filter,
                // The group is stopped as a whole once it has read what was produced for it (or went idle), so every
                // member's final assignment is taken at the same moment.
                IdleTimeout = Timeout.InfiniteTimeSpan,
                TimeProvider = clock,
            });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
            await using var runner = new ConsumerGroupRunner(ctx.Connection, consumerOptions, g.Members);
            var running = runner.RunAsync(stop.Token);
            await tracker.WaitAsync(expected, options.GroupIdle, options.ConsumeDeadline, ctx.CancellationToken);
            await stop.CancelAsync();
            var summary = await running;
            var members = GroupAssignment.AtFirstClose([.. summary.Consumers.Select(c => ConsumerReport.From(c, clock))]);
            return new GroupRun(step, g.Group, partitions, members, tracker.Reads, tracker.DistinctIds(), expected);
        }));
        ctx.CancellationToken.ThrowIfCancellationRequested();
        foreach (var run in runs)
        {
            ctx.Info($"  {GroupTables.Describe(run)}");
        }

        return runs;
    }
}
