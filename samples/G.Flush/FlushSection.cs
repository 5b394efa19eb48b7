using System.Diagnostics;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Lab section G: what flush() does, measured on a timeline of sends, delivery reports and receives.</summary>
public static class FlushSection
{
    /// <summary>The consumer's <c>fetch.min.bytes</c>: the broker answers a fetch as soon as one byte is there.</summary>
    public const int FetchMinBytes = 1;

    /// <summary>Runs the three flush experiments with a concurrent consumer.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<FlushSummary> RunAsync(SampleContext ctx, FlushOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        await ctx.StartWithEmptyTopicAsync();
        var timeline = new Timeline();
        var runs = new List<FlushRun>
        {
            await FlushRunner.RunAsync(ctx, options, timeline, "never", "2: never call flush", FlushPolicy.Never, null),
            await FlushRunner.RunAsync(ctx, options, timeline, "each", "3: flush after each record", FlushPolicy.EveryN(1), null),
            await FlushRunner.RunAsync(
                ctx, options, timeline, "pause5-flush15", $"4: pause {options.Pause.TotalSeconds:0.#} s every 5th, flush every 15th",
                FlushPolicy.EveryN(15), new PauseRule(5, options.Pause)),
        };

        Directory.CreateDirectory(options.OutputDirectory);
        var csv = Path.Combine(options.OutputDirectory, "g-flush-timeline.csv");
        await File.WriteAllTextAsync(csv, timeline.ToCsv(), ctx.CancellationToken);
        var png = Path.Combine(options.OutputDirectory, "g-flush-timeline.png");
        var problem = FlushChart.TryRender(timeline, runs.Select(r => r.Mode).ToList(), png);
        return new FlushSummary
        {
            Section = "G",
            Topic = ctx.Topic,
            Produced = runs.Sum(r => r.DeliveryReports),
            Consumed = runs.Sum(r => r.Received),
            ConsumerFetchWaitMaxMs = options.FetchWaitMaxMs,
            ConsumerFetchMinBytes = FetchMinBytes,
            Runs = runs,
            TimelineCsv = csv,
            ChartPng = problem is null ? png : null,
            ChartProblem = problem,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
