using System.Diagnostics;
using System.Globalization;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Lab section B: a monitoring console for the topic (offsets, rates, lag, bytes).</summary>
public static class MonitoringSection
{
    /// <summary>Watches the topic: with load, until the demo producer has stopped and the lag is back to 0 (or the bound passed); without, for the duration or until Ctrl+C.</summary>
    /// <param name="ctx">The sample context.</param>
    /// <param name="options">The section's knobs.</param>
    /// <returns>The measured summary.</returns>
    public static async Task<MonitoringSummary> RunAsync(SampleContext ctx, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        await ctx.EnsureTopicAsync(ctx.Topic);
        var group = options.Group ?? ctx.GroupId("lab-b-load");
        ctx.Step("1", options.WithLoad
            ? $"Monitor '{ctx.Topic}' while a paced producer and a consumer (group {group}) run"
            : $"Monitor '{ctx.Topic}' and group {group}; run other samples against the same broker meanwhile");
        var inspector = ctx.CreateInspector();
        var clock = Stopwatch.StartNew();
        var ticks = new List<MonitorTick>();
        (double T, long High, long Committed)? last = null;
        TopicStats stats = null!;
        async Task<MonitorTick> ReadAsync()
        {
            // A reading is timed by its start, when the watermarks are read; its lag is read after them.
            var now = clock.Elapsed.TotalSeconds;
            stats = await inspector.GetStatsAsync(ctx.Topic, ctx.CancellationToken);
            var lag = await inspector.GetLagAsync(ctx.Topic, group, ctx.CancellationToken);
            var high = stats.Partitions.Sum(p => p.High);
            var committed = lag.Partitions.Sum(p => p.Committed ?? p.Low);
            var dt = last is { } l ? Math.Max(0.001, now - l.T) : 1;
            var tick = new MonitorTick(
                now, stats.Messages, high, last is { } a ? (high - a.High) / dt : 0, last is { } b ? (committed - b.Committed) / dt : 0, lag.TotalLag, stats.BytesStored);
            ticks.Add(tick);
            last = (now, high, committed);
            if (options.OnTick is { } onTick)
            {
                onTick(tick, stats);
            }
            else
            {
                ctx.Info(string.Create(CultureInfo.InvariantCulture,
                    $"  t={tick.Seconds,5:0.0}s  records {tick.Records,7}  in {tick.InPerSecond,7:0}/s  out {tick.OutPerSecond,7:0}/s  lag {tick.Lag,6}  bytes {tick.Bytes?.ToString(CultureInfo.InvariantCulture) ?? "not reported"}"));
            }

            return tick;
        }

        // A reading before any load: the baseline the records-in figure is measured from. It also says how long a
        // reading takes (each opens its own clients: up to seconds on a busy machine), which sets the load's pacing.
        var readStarted = clock.Elapsed;
        await ReadAsync();
        var pacing = LoadPacing(options, ctx.Settings.Records, options.Interval + (clock.Elapsed - readStarted));
        var load = options.WithLoad ? MonitorLoad.Start(ctx, options with { LoadPacing = pacing }, group, clock) : null;
        await using (load)
        {
            var until = options.WithLoad ? null : options.Duration;
            while (true)
            {
                await Task.Delay(options.Interval, ctx.CancellationToken);

                // Only a reading begun after the producer stopped can be the last: one begun before may have read the
                // watermarks before the final deliveries moved them, and would undercount the records in.
                var stoppedBeforeReading = load?.StoppedAt;
                var tick = await ReadAsync();
                if (load is null ? until is { } d && clock.Elapsed >= d : stoppedBeforeReading is { } stop && (tick.Lag == 0 || tick.Seconds - stop >= options.LagBound.TotalSeconds))
                {
                    break;
                }
            }

            ctx.CancellationToken.ThrowIfCancellationRequested();
            var (produced, consumed) = load is null ? (0L, 0L) : await load.StopAsync();
            return new MonitoringSummary
            {
                Section = "B",
                Topic = ctx.Topic,
                Produced = produced,
                Consumed = consumed,
                Group = group,
                WithLoad = options.WithLoad,
                LoadStartedAt = load?.StartedAt,
                LoadStoppedAt = load?.StoppedAt,
                LoadCommitIntervalMs = options.WithLoad ? (int)options.LoadCommitInterval.TotalMilliseconds : null,
                LoadPacingMs = options.WithLoad ? pacing.TotalMilliseconds : null,
                LagBoundSeconds = options.LagBound.TotalSeconds,
                Ticks = ticks,
                Partitions = stats.Partitions,
                BytesNote = stats.BytesStored is null ? stats.BytesNote : null,
                ElapsedSeconds = clock.Elapsed.TotalSeconds,
            };
        }
    }

    /// <summary>
    /// The delay after each demo send: at least <see cref="MonitoringOptions.LoadPacing"/>, and long enough that the
    /// production spans <see cref="ReadingsWhileProducing"/> reading intervals, so that readings fall entirely within it
    /// (the in/s invariant needs one), but with the pauses alone taking at most half of <see cref="MonitoringOptions.Duration"/>,
    /// so that on a busy machine every record is still sent in time.
    /// </summary>
    internal static TimeSpan LoadPacing(MonitoringOptions options, int defaultRecords, TimeSpan readingSpacing)
    {
        var records = Math.Max(1, options.LoadRecords ?? defaultRecords);
        var pacing = TimeSpan.FromTicks(Math.Max(options.LoadPacing.Ticks, readingSpacing.Ticks * ReadingsWhileProducing / records));
        var most = options.Duration is { } limit ? TimeSpan.FromTicks(Math.Max(options.LoadPacing.Ticks, limit.Ticks / 2 / records)) : TimeSpan.MaxValue;
        return pacing < most ? pacing : most;
    }

    /// <summary>How many reading intervals the demo production should span.</summary>
    internal const int ReadingsWhileProducing = 4;
}
