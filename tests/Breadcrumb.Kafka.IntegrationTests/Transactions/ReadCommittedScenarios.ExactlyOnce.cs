using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <content>Exactly-once scenarios: consumer offsets in transactions, and fencing of a zombie producer.</content>
public abstract partial class ReadCommittedScenarios
{
    [Fact(Timeout = 120_000)]
    public async Task ConsumeTransformProduce_ConsumerOffsetsCommittedOnlyWithTheTransaction()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.TransactionalOffsets);
        var input = await broker.CreateTopicAsync(1);
        var output = await broker.CreateTopicAsync(1);
        await ProducePlainAsync(broker.Connection, input, 8);
        var config = broker.Connection.CreateConsumerConfig($"ctp-{Guid.NewGuid():N}");
        config.EnableAutoCommit = false;
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
        var inputPartition = new TopicPartition(input, 0);
        consumer.Assign(new TopicPartitionOffset(inputPartition, Offset.Beginning));
        await using var producer = CreateProducer(broker, o =>
        {
            o.Topics.Add(output);
            o.Decision = TransactionDecision.From(c => c.BatchNumber == 1);
        });

        var firstOffsets = await ConsumeFourAsync(consumer);
        var committedBatch = await producer.RunBatchAsync(TestRecords.Make(4), consumer.ConsumerGroupMetadata, firstOffsets, TestContext.Current.CancellationToken);
        var afterCommit = await WaitForCommittedAsync(consumer, inputPartition, expected: 4);
        var secondOffsets = await ConsumeFourAsync(consumer);
        var abortedBatch = await producer.RunBatchAsync(TestRecords.Make(4), consumer.ConsumerGroupMetadata, secondOffsets, TestContext.Current.CancellationToken);
        var afterAbort = await Task.Run(() => consumer.Committed([inputPartition], TimeSpan.FromSeconds(10)).Single().Offset.Value);

        committedBatch.Outcome.Should().Be(TransactionOutcome.Committed);
        abortedBatch.Outcome.Should().Be(TransactionOutcome.Aborted);
        firstOffsets.Should().Equal(new TopicPartitionOffset(inputPartition, 4));
        afterCommit.Should().Be(4, "offsets sent with a committed transaction become the group's position");
        afterAbort.Should().Be(4, "offsets sent with an aborted transaction are discarded");
    }

    [Fact(Timeout = 120_000)]
    public async Task SecondProducerWithSameTransactionalId_FencesTheFirst_WhichReportsIt()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.Fencing);
        var topic = await broker.CreateTopicAsync(1);
        var id = $"fence-{Guid.NewGuid():N}";
        await using var first = CreateProducer(broker, o =>
        {
            o.Topics.Add(topic);
            o.TransactionalId = id;
        });
        await using var second = CreateProducer(broker, o =>
        {
            o.Topics.Add(topic);
            o.TransactionalId = id;
        });

        var before = await first.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        await second.InitAsync(TestContext.Current.CancellationToken);
        var fenced = () => first.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        before.Outcome.Should().Be(TransactionOutcome.Committed);
        var thrown = (await fenced.Should().ThrowAsync<TransactionalProducerFatalException>()).Which;
        thrown.IsFenced.Should().BeTrue(thrown.Message);
        thrown.Message.Should().Contain($"Another producer with transactional.id '{id}' started").And.Contain("can no longer be used");
        (await first.Invoking(p => p.RunBatchAsync(TestRecords.Make(4), CancellationToken.None)).Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Be(thrown.Message);
        (await second.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken)).Outcome.Should().Be(TransactionOutcome.Committed);
    }

    private static async Task ProducePlainAsync(KafkaConnection connection, string topic, int count)
    {
        using var producer = new ProducerBuilder<string, string>(connection.CreateProducerConfig()).Build();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(topic, new Message<string, string> { Key = $"k{i}", Value = $"input {i}" });
        }
    }

    private static Task<TopicPartitionOffset[]> ConsumeFourAsync(IConsumer<Ignore, byte[]> consumer) => Task.Run(() =>
    {
        ConsumeResult<Ignore, byte[]>? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = consumer.Consume(TestConsumer.Deadline) ?? throw new TimeoutException($"No input record {i + 1} of 4 within {TestConsumer.Deadline}.");
        }

        return new[] { new TopicPartitionOffset(last!.TopicPartition, last.Offset + 1) };
    });

    private static Task<long> WaitForCommittedAsync(IConsumer<Ignore, byte[]> consumer, TopicPartition partition, long expected) => Task.Run(async () =>
    {
        // A real coordinator applies transactional offsets when the commit markers are written, a moment after the commit returns.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        long committed;
        while ((committed = consumer.Committed([partition], TimeSpan.FromSeconds(10)).Single().Offset.Value) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return committed;
    });
}
