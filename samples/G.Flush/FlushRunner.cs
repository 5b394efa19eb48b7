using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>One run of section G: a consumer joins, a producer sends under a flush rule, and every event is timed.</summary>
internal static class FlushRunner
{
    public static async Task<FlushRun> RunAsync(
        SampleContext ctx, FlushOptions options, Timeline timeline, string mode, string description, FlushPolicy policy, PauseRule? pause)
    {
        ctx.Step(description.Split(':')[0], $"{description[(description.IndexOf(':', StringComparison.Ordinal) + 2)..]}, with a consumer running");
        var start = Stopwatch.GetTimestamp();
        double Now() => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var prefix = $"{mode}-{ctx.RunId}-";
        var inspector = ctx.CreateInspector();
        var highBefore = (await inspector.GetStatsAsync(ctx.Topic, ctx.CancellationToken)).Partitions.Sum(p => p.High);

        // The consumer joins first and stamps each of this run's records as the client hands it over.
        var receivedAt = new ConcurrentDictionary<int, double>();
        var consumerOptions = LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = ctx.Topic,
            GroupId = ctx.GroupId($"lab-g-{mode}"),
            MaxRecords = options.Count,
            IdleTimeout = ctx.Settings.IdleTimeout + options.Pause,
            // Without these the broker may hold an empty fetch for fetch.wait.max.ms (500 ms by default), and the
            // receive times would measure that wait instead of when the producer's records reached the broker.
            ConfigureConsumer = c =>
            {
                c.FetchWaitMaxMs = options.FetchWaitMaxMs;
                c.FetchMinBytes = FlushSection.FetchMinBytes;
            },
            Filter = RecordFilter.Where(
                input =>
                {
                    if (input.Key is not { } key || !key.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    receivedAt.TryAdd(int.Parse(key.AsSpan(prefix.Length), CultureInfo.InvariantCulture), Now());
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
            KeyStrategy = KeyStrategy.Custom(k => prefix + k.Index.ToString(CultureInfo.InvariantCulture)),
            FlushPolicy = counting,
            Pause = pause,
            OnDelivery = r =>
            {
                if (r.IsDelivered)
                {
                    delivered.TryAdd(int.Parse(r.Key.AsSpan(prefix.Length), CultureInfo.InvariantCulture), (Now(), r.Partition, r.Offset));
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

            // Disposing a producer with reports still queued drops them (the records may well be stored): wait for the
            // reports without calling flush(), which the "never" run must not do.
            await SampleWait.UntilAsync(() => producer.GetSummary().Pending <= 0, options.DeliveryReportTimeout, ctx.CancellationToken);
        }

        var group = await consuming;
        ctx.CancellationToken.ThrowIfCancellationRequested();
        var seconds = Now() / 1000;
        var stored = (await inspector.GetStatsAsync(ctx.Topic, ctx.CancellationToken)).Partitions.Sum(p => p.High) - highBefore;
        timeline.Add(mode, sentAt, delivered, receivedAt, counting.FlushTimes);
        var run = FlushMetrics.Compute(
            mode, description, sentAt, delivered.ToDictionary(d => d.Key, d => d.Value.Ms), receivedAt, counting.FlushTimes, stored, seconds);
        ctx.Info($"  sent {run.Sent}, flushes {run.Flushes}, delivery reports {run.DeliveryReports}, stored {run.Stored}, received {run.Received} "
            + $"({group.StopReason}), median send→receive {run.MedianSendToReceiveMs?.ToString(CultureInfo.InvariantCulture) ?? "–"} ms");
        return run;
    }
}
