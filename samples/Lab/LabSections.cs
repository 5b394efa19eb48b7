using Breadcrumb.Kafka.Samples.ConsumerGroups;
using Breadcrumb.Kafka.Samples.Concurrent;
using Breadcrumb.Kafka.Samples.Flush;
using Breadcrumb.Kafka.Samples.Initialization;
using Breadcrumb.Kafka.Samples.Keys;
using Breadcrumb.Kafka.Samples.Monitoring;
using Breadcrumb.Kafka.Samples.MultipleProducers;
using Breadcrumb.Kafka.Samples.Storage;
using Breadcrumb.Kafka.Samples.Transactions;

namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>The lab's sections in order, each with the waits the lab asks for (or shortened with --quick).</summary>
internal static class LabSections
{
    public static IReadOnlyList<(string Id, Func<SampleContext, Task<SectionSummary>> Run)> Create(bool quick, string outputDirectory)
    {
        var sampleFile = Path.Combine(Path.GetTempPath(), "breadcrumb-kafka", "lab", "bcsample.json");
        return
        [
            ("A", async ctx => await InitializationSection.RunAsync(ctx, new InitializationOptions { Output = sampleFile })),
            ("B", async ctx => await MonitoringSection.RunAsync(ctx, new MonitoringOptions
            {
                LoadRecords = quick ? 300 : 600,
                Interval = TimeSpan.FromMilliseconds(quick ? 500 : 1000),
                Duration = TimeSpan.FromSeconds(20),
            })),
            ("C", async ctx => await StorageSection.RunAsync(ctx, sampleFile)),
            ("D", async ctx => await MultipleProducersSection.RunAsync(ctx)),
            ("E", async ctx => await ConcurrentSection.RunAsync(ctx, new ConcurrentOptions
            {
                RecordsPerProducer = quick ? 100 : 80,
                Pacing = TimeSpan.FromMilliseconds(quick ? 20 : 250),
            })),
            ("F", async ctx => await KeysSection.RunAsync(ctx, new KeysOptions())),
            ("G", async ctx => await FlushSection.RunAsync(ctx, new FlushOptions
            {
                Count = quick ? 30 : 45,
                Pause = TimeSpan.FromMilliseconds(quick ? 200 : 2000),
                OutputDirectory = outputDirectory,
            })),
            ("H", async ctx => await ConsumerGroupsSection.RunAsync(ctx)),
            ("I", async ctx => await TransactionsSection.RunAsync(ctx, new TransactionsOptions
            {
                Batches = quick ? 6 : 8,
                Wait = TimeSpan.FromMilliseconds(quick ? 200 : 2000),
            })),
        ];
    }
}
