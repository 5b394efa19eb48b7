using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.IntegrationTests.Transactions;
using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <content>Exactly once through consume-transform-produce with a transactional producer, across a stop and restart.</content>
public abstract partial class ReliabilityScenarios
{
    private const int InputPartitions = 3;

    [Fact(Timeout = 120_000)]
    public async Task ConsumeTransformProduce_StoppedMidTransactionAndRestarted_EachInputOutputExactlyOnce()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.TransactionalOffsets);
        await CreateBrokerAsync(BrokerRequirement.ReadCommitted);
        var input = await broker.CreateTopicAsync(InputPartitions);
        var output = await broker.CreateTopicAsync(InputPartitions);
        await ProduceAsync(broker, input, 0, 300);
        var group = $"ctp-{Guid.NewGuid():N}";
        var transactionalId = $"ctp-{Guid.NewGuid():N}";

        // The first run commits 12 batches of 10, then stops inside the 13th: it aborts, and the consumer goes without committing.
        var first = await TransformAsync(broker, input, output, group, transactionalId, abortBatch: 13);
        var second = await TransformAsync(broker, input, output, group, transactionalId, abortBatch: null);

        first.Should().Be(12);
        second.Should().Be(18, "the restarted member resumes at the offsets committed with the 12th transaction");
        var seen = await TopicReader.ReadAllAsync(broker.Connection, output, InputPartitions, IsolationLevel.ReadCommitted);
        var audit = DeliveryAudit.Of([.. Enumerable.Range(0, 300).Select(i => (long)i)], seen);
        (audit.Lost.Count, audit.Duplicated.Count, audit.Unexpected.Count).Should().Be((0, 0, 0), audit.ToString());
    }

    /// <summary>Reads the input in batches of 10, writing each batch and its offsets in one transaction; returns the batches committed.</summary>
    private static async Task<int> TransformAsync(ScenarioBroker broker, string input, string output, string group, string transactionalId, int? abortBatch)
    {
        var config = broker.Connection.CreateConsumerConfig(group);
        config.EnableAutoCommit = false;
        config.EnablePartitionEof = true;
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, InputPartitions).Select(p => new TopicPartitionOffset(input, p, Offset.Unset)));
        var options = LabPreset.Apply(new TransactionalBatchOptions
        {
            TransactionalId = transactionalId,
            BatchSize = 10,
            DecisionDelay = TimeSpan.Zero,
            Decision = TransactionDecision.From(c => c.BatchNumber != abortBatch),
            KeySelector = r => r.EventNoStop,
        });
        options.Topics.Add(output);
        await using var producer = new TransactionalBatchProducer(broker.Connection, options);

        var committed = 0;
        var atEnd = new HashSet<int>();
        while (await Task.Run(() => NextBatch(consumer, atEnd)) is { Records.Count: > 0 } batch)
        {
            var result = await producer.RunBatchAsync(batch.Records, consumer.ConsumerGroupMetadata, batch.Offsets, TestContext.Current.CancellationToken);
            if (!result.IsCommitted)
            {
                return committed;
            }

            committed++;
        }

        return committed;
    }

    private static (List<BreadcrumbRecord> Records, List<TopicPartitionOffset> Offsets) NextBatch(IConsumer<string, byte[]> consumer, HashSet<int> atEnd)
    {
        var records = new List<BreadcrumbRecord>();
        var next = new Dictionary<TopicPartition, long>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (records.Count < 10 && atEnd.Count < InputPartitions && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
                continue;
            }

            atEnd.Remove(result.Partition.Value);
            records.Add(Ids.Record(Ids.Of(result.Message.Value)) with { Direction = "transformed" });
            next[result.TopicPartition] = result.Offset.Value + 1;
        }

        return (records, [.. next.Select(n => new TopicPartitionOffset(n.Key, new Offset(n.Value)))]);
    }
}
