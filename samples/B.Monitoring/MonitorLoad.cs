using System.Diagnostics;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Section B's demo load: a paced producer that sends a fixed number of records, and a consumer that follows it.</summary>
internal sealed class MonitorLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly BreadcrumbProducer producer;
    private readonly KeyFilteredConsumer? consumer;
    private readonly Task<ProduceRunSummary> producing;
    private readonly Task<ConsumeResultSummary>? consuming;
    private double stoppedAt = double.NaN;

    private MonitorLoad(SampleContext ctx, MonitoringOptions options, string group, Stopwatch clock)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
        producer = new BreadcrumbProducer(ctx.Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = ctx.Topic, Name = "load", DelayAfterEachSend = options.LoadPacing }));
        if (options.ConsumeLoad)
        {
            consumer = new KeyFilteredConsumer(ctx.Connection, LabPreset.Apply(new KeyFilteredConsumerOptions
            {
                Topic = ctx.Topic,
                GroupId = group,
                IdleTimeout = Timeout.InfiniteTimeSpan,
                // Commits are what a monitor sees of a consumer: frequent ones let "out" and lag follow it closely.
                ConfigureConsumer = c => c.AutoCommitIntervalMs = (int)options.LoadCommitInterval.TotalMilliseconds,
            }));
            consuming = consumer.RunAsync(stop.Token);
        }

        StartedAt = clock.Elapsed.TotalSeconds;
        var records = BreadcrumbFile.Generate(options.LoadRecords ?? ctx.Settings.Records, ctx.Settings.Seed);
        producing = RunProducerAsync(producer, records, options.Duration, clock, stop.Token);
    }

    /// <summary>Gets when the producer started, in seconds on the monitor's clock.</summary>
    public double StartedAt { get; }

    /// <summary>Gets when the producer stopped, in seconds on the monitor's clock, or null while it runs.</summary>
    public double? StoppedAt => Volatile.Read(ref stoppedAt) is var t && double.IsNaN(t) ? null : t;

    public static MonitorLoad Start(SampleContext ctx, MonitoringOptions options, string group, Stopwatch clock) => new(ctx, options, group, clock);

    /// <summary>Waits for the producer, stops the consumer, and returns what each did.</summary>
    public async Task<(long Produced, long Consumed)> StopAsync()
    {
        long produced;
        try
        {
            produced = (await producing).Delivered;
        }
        catch (OperationCanceledException)
        {
            produced = producer.GetSummary().Delivered;
        }

        await stop.CancelAsync();
        return (produced, consuming is null ? 0 : (await consuming).Total);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await ((Task)producing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await producer.DisposeAsync();
        if (consumer is not null)
        {
            await consumer.DisposeAsync();
        }

        stop.Dispose();
    }

    private async Task<ProduceRunSummary> RunProducerAsync(
        BreadcrumbProducer sender, IEnumerable<BreadcrumbRecord> records, TimeSpan? limit, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit is { } l)
        {
            deadline.CancelAfter(l);
        }

        try
        {
            return await sender.ProduceAllAsync(records, deadline.Token);
        }
        finally
        {
            Volatile.Write(ref stoppedAt, clock.Elapsed.TotalSeconds);
        }
    }
}
