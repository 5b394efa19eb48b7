using System.Collections.Concurrent;
using System.Diagnostics;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Section G's knobs.</summary>
public sealed record FlushOptions
{
    /// <summary>Gets the records of each run.</summary>
    public int Count { get; init; } = 45;

    /// <summary>Gets the pause after every 5th record in the third run (the lab: 2 s).</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the folder for the timeline CSV and the chart.</summary>
    public string OutputDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "breadcrumb-kafka", "flush");
}

/// <summary>Lab section G: what flush() does, measured on a timeline of sends, delivery reports and receives.</summary>
public static class FlushSection
{
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
            await RunOnceAsync(ctx, options, timeline, "never", "2: never call flush", FlushPolicy.Never, null),
            await RunOnceAsync(ctx, options, timeline, "each", "3: flush after each record", FlushPolicy.EveryN(1), null),
            await RunOnceAsync(
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
            Runs = runs,
            TimelineCsv = csv,
            ChartPng = problem is null ? png : null,
            ChartProblem = problem,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static async Task<FlushRun> RunOnceAsync(
        SampleContext ctx, FlushOptions options, Timeline timeline, string mode, string description, FlushPolicy policy, PauseRule? pause)
    {
        ctx.Step(description.Split(':')[0], $"{description[(description.IndexOf(':', StringComparison.Ordinal) + 2)..]}, with a consumer running");
        var start = Stopwatch.GetTimestamp();
        double Now() => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var prefix = $"{mode}-{ctx.RunId}-";

        // The consumer joins first and stamps each of this run's records as the client hands it over.
        var receivedAt = new ConcurrentDictionary<int, double>();
        var consumerOptions = LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = ctx.Topic,
            GroupId = ctx.GroupId($"lab-g-{mode}"),
            MaxRecords = options.Count,
            IdleTimeout = ctx.Settings.IdleTimeout + options.Pause,
            Filter = RecordFilter.Where(
                input =>
                {
                    if (input.Key is not { } key || !key.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    receivedAt.TryAdd(int.Parse(key.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture), Now());
                    return true;
                },
                $"keys of run {mode}"),
        });
        await using var consumer = new KeyFilteredConsumer(ctx.Connection, consumerOptions);
        var consuming = consumer.RunAsync(ctx.CancellationToken);
        start = Stopwatch.GetTimestamp();

        var sentAt = new double[options.Count];
        var delivered = new ConcurrentDictionary<int, (double Ms, int Partition, long Offset)>();
        var counting = new CountingFlushPolicy(policy, Now);
        var producerOptions = LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = ctx.Topic,
            Name = $"producer-{mode}",
            KeyStrategy = KeyStrategy.Custom(k => prefix + k.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FlushPolicy = counting,
            Pause = pause,
            OnDelivery = r =>
            {
                if (r.IsDelivered)
                {
                    delivered.TryAdd(int.Parse(r.Key.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture), (Now(), r.Partition, r.Offset));
                }
            },
        });
        IEnumerable<BreadcrumbRecord> Timed()
        {
            var i = 0;
            foreach (var record in BreadcrumbFile.Generate(options.Count, ctx.Settings.Seed))
            {
                sentAt[i++] = Now();
                yield return record;
            }
        }

        await using (var producer = new BreadcrumbProducer(ctx.Connection, producerOptions))
        {
            await producer.ProduceAllAsync(Timed(), ctx.CancellationToken);
        }

        var group = await consuming;
        ctx.CancellationToken.ThrowIfCancellationRequested();
        var seconds = Now() / 1000;
        timeline.Add(mode, sentAt, delivered, receivedAt, counting.FlushTimes);
        var latencies = receivedAt.Select(r => r.Value - sentAt[r.Key]).Order().ToList();
        var firstFlush = counting.FlushTimes.Count > 0 ? counting.FlushTimes[0] : (double?)null;
        var run = new FlushRun(
            mode,
            description,
            options.Count,
            counting.FlushTimes.Count,
            delivered.Count,
            (int)group.Total,
            latencies.Count == 0 ? 0 : Math.Round(latencies[latencies.Count / 2], 1),
            firstFlush is { } f ? receivedAt.Count(r => r.Value < f) : null,
            Math.Round(seconds, 2));
        ctx.Info($"  sent {run.Sent}, flushes {run.Flushes}, delivery reports {run.DeliveryReports}, received {run.Received}, median send→receive {run.MedianSendToReceiveMs} ms");
        return run;
    }

    /// <summary>Passes the lab's rule through and notes when it asked for a flush (the producer flushes right then).</summary>
    private sealed class CountingFlushPolicy(FlushPolicy inner, Func<double> now) : FlushPolicy
    {
        public List<double> FlushTimes { get; } = [];

        public override bool FlushesAtEnd => inner.FlushesAtEnd;

        public override bool ShouldFlush(FlushState state)
        {
            var flush = inner.ShouldFlush(state);
            if (flush)
            {
                FlushTimes.Add(now());
            }

            return flush;
        }
    }
}
