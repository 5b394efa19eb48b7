using System.Diagnostics;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Section B's knobs.</summary>
public sealed record MonitoringOptions
{
    /// <summary>Gets how long to watch; null until Ctrl+C.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets the time between refreshes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the group to watch; null watches the demo load's consumer group.</summary>
    public string? Group { get; init; }

    /// <summary>Gets a value indicating whether the monitor runs its own paced producer and consumer so the numbers move.</summary>
    public bool WithLoad { get; init; } = true;

    /// <summary>Gets the demo producer's pause after each send.</summary>
    public TimeSpan LoadPacing { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Gets a callback for each reading (a live view); when set, readings are not also printed as lines.</summary>
    public Action<MonitorTick, TopicStats>? OnTick { get; init; }
}

/// <summary>Lab section B: a monitoring console for the topic (offsets, rates, lag, bytes).</summary>
public static class MonitoringSection
{
    /// <summary>Watches the topic until the duration passes or Ctrl+C.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<MonitoringSummary> RunAsync(SampleContext ctx, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        await ctx.EnsureTopicAsync(ctx.Topic);
        var group = options.Group ?? ctx.GroupId("lab-b-load");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
        if (options.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        ctx.Step("1", options.WithLoad
            ? $"Monitor '{ctx.Topic}' while a paced producer and a consumer (group {group}) run"
            : $"Monitor '{ctx.Topic}' and group {group}; run other samples against the same broker meanwhile");
        Task<ProduceRunSummary>? producing = null;
        Task<ConsumeResultSummary>? consuming = null;
        await using var producer = options.WithLoad
            ? new BreadcrumbProducer(ctx.Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = ctx.Topic, Name = "load", DelayAfterEachSend = options.LoadPacing }))
            : null;
        await using var consumer = options.WithLoad
            ? new KeyFilteredConsumer(ctx.Connection, LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = ctx.Topic, GroupId = group, IdleTimeout = Timeout.InfiniteTimeSpan }))
            : null;
        if (producer is not null && consumer is not null)
        {
            producing = producer.ProduceAllAsync(BreadcrumbFile.Generate(ctx.Settings.Records, ctx.Settings.Seed), stop.Token);
            consuming = consumer.RunAsync(stop.Token);
        }

        var inspector = ctx.CreateInspector();
        var ticks = new List<MonitorTick>();
        var clock = Stopwatch.StartNew();
        (double T, long High, long Committed)? last = null;
        TopicStats stats;
        do
        {
            stats = await inspector.GetStatsAsync(ctx.Topic, ctx.CancellationToken);
            var lag = await inspector.GetLagAsync(ctx.Topic, group, ctx.CancellationToken);
            var now = clock.Elapsed.TotalSeconds;
            var high = stats.Partitions.Sum(p => p.High);
            var committed = lag.Partitions.Sum(p => p.Committed ?? p.Low);
            var dt = last is { } l ? Math.Max(0.001, now - l.T) : 1;
            var tick = new MonitorTick(
                now, stats.Messages, last is { } a ? (high - a.High) / dt : 0, last is { } b ? (committed - b.Committed) / dt : 0, lag.TotalLag, stats.BytesStored);
            ticks.Add(tick);
            last = (now, high, committed);
            if (options.OnTick is { } onTick)
            {
                onTick(tick, stats);
                continue;
            }

            ctx.Info($"  t={tick.Seconds,5:0.0}s  records {tick.Records,7}  in {tick.InPerSecond,7:0}/s  out {tick.OutPerSecond,7:0}/s  lag {tick.Lag,6}  bytes {tick.Bytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not reported"}");
        }
        while (await WaitAsync(options.Interval, stop.Token));

        ctx.CancellationToken.ThrowIfCancellationRequested();
        var produced = producing is null ? 0 : await Settle(producing, producer!);
        var consumed = consuming is null ? 0 : (await consuming).Total;
        return new MonitoringSummary
        {
            Section = "B",
            Topic = ctx.Topic,
            Produced = produced,
            Consumed = consumed,
            Group = group,
            Ticks = ticks,
            Partitions = stats.Partitions,
            BytesNote = stats.BytesStored is null ? stats.BytesNote : null,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static async Task<bool> WaitAsync(TimeSpan interval, CancellationToken token)
    {
        try
        {
            await Task.Delay(interval, token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // The demo producer is stopped by the monitor's end; what it delivered up to then is what counts.
    private static async Task<long> Settle(Task<ProduceRunSummary> producing, BreadcrumbProducer producer)
    {
        try
        {
            return (await producing).Delivered;
        }
        catch (OperationCanceledException)
        {
            return producer.GetSummary().Delivered;
        }
    }
}
