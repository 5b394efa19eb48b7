using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Initialization;

/// <summary>Lab section A: a 1000-record bcsample.json, produced one record at a time, consumed and counted.</summary>
public static class InitializationSection
{
    /// <summary>Runs steps 3 to 5.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<InitializationSummary> RunAsync(SampleContext ctx, InitializationOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ctx.StartWithEmptyTopicAsync();

        ctx.Step("3", "Create a sample breadcrumb data file, bcsample.json");
        var file = options.Input ?? options.Output;
        if (options.Input is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var written = await BreadcrumbFile.WriteAsync(file, BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed), cancellationToken: ctx.CancellationToken);
            ctx.Info($"  generated {written} records (seed {ctx.Settings.Seed}) into {file}");
        }

        ctx.Step("4", "Parse bcsample.json and send its records one at a time");
        ProduceRunSummary produced;
        await using (var producer = new BreadcrumbProducer(ctx.Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = ctx.Topic, Name = "producer0" })))
        {
            produced = await producer.ProduceAllAsync(BreadcrumbFile.ReadAsync(file, cancellationToken: ctx.CancellationToken), ctx.CancellationToken);
        }

        ctx.Info($"  sent {produced.Sent}, delivered {produced.Delivered}, failed {produced.Failed}");

        ctx.Step("5", "Consume the records and count them");
        var consumed = await ctx.ConsumeToEndAsync(ctx.GroupId("lab-a"));
        ctx.Info($"  consumed {consumed.Total} ({consumed.StopReason})");
        return new InitializationSummary
        {
            Section = "A",
            Topic = ctx.Topic,
            Produced = produced.Delivered,
            Consumed = consumed.Total,
            Source = options.Input is null ? "generated" : "file",
            File = Path.GetFullPath(file),
            RecordsInFile = produced.Sent,
            Partitions = [.. produced.Partitions.Select(p => new PartitionSpan(p.Partition, p.FirstOffset, p.LastOffset, p.Count))],
            ConsumedPerPartition = consumed.PerPartition.ToDictionary(p => p.Partition, p => p.Kept),
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
