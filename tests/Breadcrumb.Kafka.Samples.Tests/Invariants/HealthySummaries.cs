using Breadcrumb.Kafka.Samples.ConsumerGroups;
using Breadcrumb.Kafka.Samples.Concurrent;
using Breadcrumb.Kafka.Samples.Flush;
using Breadcrumb.Kafka.Samples.Initialization;
using Breadcrumb.Kafka.Samples.Keys;
using Breadcrumb.Kafka.Samples.Monitoring;
using Breadcrumb.Kafka.Samples.MultipleProducers;
using Breadcrumb.Kafka.Samples.Storage;
using Breadcrumb.Kafka.Samples.Transactions;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

/// <summary>One summary per section whose figures satisfy every invariant; each test breaks one figure.</summary>
internal static class HealthySummaries
{
    public const int Records = 1000;

    public static InitializationSummary A() => new()
    {
        Section = "A", Topic = "t", Produced = 1000, Consumed = 1000, Source = "generated", File = "/tmp/bcsample.json", RecordsInFile = 1000,
        Partitions = [new PartitionSpan(0, 0, 399, 400), new PartitionSpan(1, 0, 599, 600)],
        ConsumedPerPartition = new Dictionary<int, long> { [0] = 400, [1] = 600 },
    };

    public static MonitoringSummary B() => new()
    {
        Section = "B", Topic = "t", Produced = 300, Consumed = 300, Group = "g", WithLoad = true, LoadStartedAt = 0.5, LoadStoppedAt = 3.5,
        LoadCommitIntervalMs = 500, LagBoundSeconds = 5,
        Ticks =
        [
            new MonitorTick(0.0, 0, 0, 0, 0, 0, 0),
            new MonitorTick(1.0, 50, 50, 50, 0, 50, 5000),
            new MonitorTick(2.0, 150, 150, 100, 100, 50, 15000),
            new MonitorTick(3.0, 250, 250, 100, 100, 50, 25000),
            new MonitorTick(4.0, 300, 300, 50, 100, 0, 30000),
        ],
        Partitions = [new PartitionStats(0, 0, 300, 30000)],
    };

    public static StorageSummary C() => new()
    {
        Section = "C", Topic = "t", Produced = 1000, Consumed = 3000, File = "/tmp/bcsample.json", Wc = new BreadcrumbFileCounts(0, 28000, 338348),
        FileIsJsonArray = true, HeldBeforeConsumers = 1000, FirstRunSameGroup = 1000, SecondRunSameGroup = 0, NewGroup = 1000, StoredBytes = 334000,
        StoredBytesNote = "test", Partitions = [new PartitionStats(0, 0, 1000, 334000)], Drained = 1000, RemainingAfterDrain = 0,
    };

    public static MultipleProducersSummary D() => new()
    {
        Section = "D", Topic = "t", Produced = 2000, Consumed = 2000, Cleared = 0,
        Producers =
        [
            new ProducerOffsets("producer0", "producer0", 1000, [new PartitionSpan(1, 0, 999, 1000)]),
            new ProducerOffsets("producer1", "producer1", 1000, [new PartitionSpan(5, 0, 999, 1000)]),
        ],
    };

    public static ConcurrentSummary E()
    {
        var group = Group("3", "lab-e", 240);
        return new ConcurrentSummary
        {
            Section = "E", Topic = "t", Produced = 240, Consumed = 240, PacingMs = 250, RecordsPerProducer = 80,
            Producers =
            [
                new PacedProducer("producer0", "producer0", 80, [new PartitionSpan(1, 0, 79, 80)]),
                new PacedProducer("producer1", "producer1", 80, [new PartitionSpan(4, 0, 79, 80)]),
                new PacedProducer("producer2", "producer2", 80, [new PartitionSpan(4, 80, 159, 80)]),
            ],
            Consumers = group.Members,
            Group = group,
        };
    }

    public static FlushSummary G(string? chart = null) => new()
    {
        Section = "G", Topic = "t", Produced = 135, Consumed = 135, ConsumerFetchWaitMaxMs = 10, ConsumerFetchMinBytes = 1,
        Runs =
        [
            new FlushRun("never", "2: never call flush", 45, 0, 45, 45, 45, 3.1, 4.2, 30, null, 0, 900.0, 12.5, 0.2),
            new FlushRun("each", "3: flush after each record", 45, 45, 45, 45, 45, 2.0, 3.0, 44, 0, 45, 500.0, 1.0, 0.4),
            new FlushRun("pause5-flush15", "4: pause 2 s every 5th, flush every 15th", 45, 3, 45, 45, 45, 2.5, 3.5, 40, 45, 45, 400.0, 1.2, 18.1),
        ],
        TimelineCsv = "/tmp/g-flush-timeline.csv", ChartPng = chart, ChartProblem = chart is null ? "not drawn in this test" : null,
    };

    public static KeysSummary F()
    {
        var perKey = new Dictionary<string, long> { ["1"] = 200, ["2"] = 190, ["3"] = 210, ["4"] = 205, ["5"] = 195 };
        var reads = perKey.Select(k => new KeyRead(k.Key, k.Value, 1000 - k.Value, [int.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture)], true, 0.5, "EndOfPartitions")).ToList();
        var set = new KeyRead("1,3", 410, 590, [1, 3], true, 0.5, "EndOfPartitions");
        return new KeysSummary
        {
            Section = "F", Topic = "t", Produced = 1000, Consumed = 1000, PerKey = perKey, ProducedPerKey = new Dictionary<string, long>(perKey), KeySet = set,
            MissingKey = "100", MissingKeyCount = 0, OrderWithinKeyHeld = true, Reads = [.. reads, set, new KeyRead("100", 0, 1000, [], true, 0.6, "EndOfPartitions")],
        };
    }

    public static ConsumerGroupsSummary H()
    {
        GroupRun[] groups = [Group("3", "group1", 1000, members: 1), Group("3", "group2", 1000, members: 1), Group("5", "group1", 1000), Group("5", "group2", 1000, members: 1)];
        return new ConsumerGroupsSummary
        {
            Section = "H", Topic = "t", Produced = 2000, Consumed = 4000, RecordsPerRun = 1000,
            Productions = [new Production("2", 1000, [new PartitionSpan(0, 0, 999, 1000)]), new Production("5", 1000, [new PartitionSpan(0, 1000, 1999, 1000)])],
            Consumers = [.. groups[2].Members, .. groups[3].Members], NewGroup = 2000, Groups = groups,
        };
    }

    public static TransactionsSummary I() => new()
    {
        Section = "I", Topic = "t", Produced = 64, Consumed = 28, IsolationLevel = "read_committed", CommittedRecords = 28, AbortedRecords = 36,
        ConsumedRecords = 28, AbortedSeen = 0, PreexistingRecords = 0, OnlyCommittedSeen = true, BrokerFiltersAborted = true, ProbeReason = "probe",
        Parts =
        [
            new TransactionPart("one topic", ["t"], 0, 8, 4, 4, 16, 16, 16, 16, 0, 0, 0, 0),
            new TransactionPart("two topics", ["t", "t-2"], 16, 8, 3, 5, 12, 20, 12, 12, 0, 0, 0, 0),
        ],
    };

    /// <summary>A group that read records 0..count−1 of partition 0 once: its members end with disjoint partitions covering all six.</summary>
    public static GroupRun Group(string step, string name, long count, int members = 2)
    {
        var ids = new[] { new OffsetRange(0, 0, count - 1) };
        var consumers = members == 1
            ? [Member("consumer0", name, [0, 1, 2, 3, 4, 5], count)]
            : new[] { Member("consumer0", name, [0, 1, 2], count), Member("consumer1", name, [3, 4, 5], 0) };
        return new GroupRun(step, name, 6, consumers, count, ids, ids);
    }

    public static ConsumerReport Member(string consumer, string group, int[] partitions, long count) =>
        new(consumer, group, partitions, count, count == 0 ? new Dictionary<int, long>() : new Dictionary<int, long> { [partitions[0]] = count },
            [new AssignmentStep(0.1, "assigned", partitions, partitions)]);
}
