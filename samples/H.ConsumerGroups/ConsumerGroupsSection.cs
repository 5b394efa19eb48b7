using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>Lab section H: two groups each get everything; two consumers in one group split it; a new group reads all.</summary>
public static class ConsumerGroupsSection
{
    /// <summary>Runs steps 1 to 5, then reads the history with a new group.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<ConsumerGroupsSummary> RunAsync(SampleContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ctx.StartWithEmptyTopicAsync();
        var groupA = ctx.GroupId("lab-h-group1");
        var groupB = ctx.GroupId("lab-h-group2");

        ctx.Step("1-2", $"Two consumer groups with one consumer each; the producer sends {ctx.Settings.Records} records");
        var first = await ProduceAsync(ctx);

        ctx.Step("3", "Run each group's consumer: each should get all of them");
        var round1 = await ConsumeAsync(ctx, (groupA, 1), (groupB, 1));

        ctx.Step("4-5", $"Add a second consumer to group 1; rerun the producer ({ctx.Settings.Records} more) and the consumers");
        var second = await ProduceAsync(ctx);
        var round2 = await ConsumeAsync(ctx, (groupA, 2), (groupB, 1));

        ctx.Step("+", "A new group reads the topic's whole history");
        var history = await ConsumeAsync(ctx, (ctx.GroupId("lab-h-new"), 1));

        return new ConsumerGroupsSummary
        {
            Section = "H",
            Topic = ctx.Topic,
            Produced = first + second,
            Consumed = round1.Concat(round2).Concat(history).Sum(c => c.Count),
            Consumers = round2,
            NewGroup = history.Sum(c => c.Count),
            Rounds = [new GroupRound("3", first, round1), new GroupRound("5", second, round2), new GroupRound("new group", first + second, history)],
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static async Task<long> ProduceAsync(SampleContext ctx)
    {
        // Keyed by position so the records spread over every partition: a group's members can only split what is spread.
        var options = LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = ctx.Topic,
            Name = "producer0",
            KeyStrategy = KeyStrategy.Custom(k => k.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        });
        await using var producer = new BreadcrumbProducer(ctx.Connection, options);
        var run = await producer.ProduceAllAsync(BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed), ctx.CancellationToken);
        ctx.Info($"  delivered {run.Delivered}");
        return run.Delivered;
    }

    private static async Task<IReadOnlyList<ConsumerReport>> ConsumeAsync(SampleContext ctx, params (string Group, int Members)[] groups)
    {
        var runs = await Task.WhenAll(groups.Select(async g =>
        {
            var options = LabPreset.Apply(new KeyFilteredConsumerOptions
            {
                Topic = ctx.Topic,
                GroupId = g.Group,
                StopAtEndOfPartitions = true,
                IdleTimeout = ctx.Settings.IdleTimeout,
            });
            await using var runner = new ConsumerGroupRunner(ctx.Connection, options, g.Members);
            return await runner.RunAsync(ctx.CancellationToken);
        }));
        ctx.CancellationToken.ThrowIfCancellationRequested();
        var reports = runs.SelectMany(r => r.Consumers).Select(ConsumerReport.From).ToList();
        foreach (var c in reports)
        {
            ctx.Info($"  {c.Group} / {c.Name}: {c.Count} records from partitions [{string.Join(", ", c.PerPartition.Keys.Order())}]");
        }

        return reports;
    }
}
