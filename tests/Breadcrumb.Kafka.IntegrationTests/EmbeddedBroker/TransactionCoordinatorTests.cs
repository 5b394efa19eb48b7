using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using static Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker.TxnClients;

namespace Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker;

/// <summary>
/// The embedded broker's transaction coordinator: consumer offsets sent with a transaction take effect at
/// commit, and a producer that initializes a transactional id fences the id's earlier producer.
/// </summary>
public sealed class TransactionCoordinatorTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    /// <summary>The embedded read_committed scenarios skip when a probe says no: pin that none does.</summary>
    [Fact(Timeout = 90_000)]
    public async Task TransactionalProbes_AllSaySupported_SoTheEmbeddedScenariosRun()
    {
        var offsets = await TransactionalOffsetsProbe.RunAsync(fixture.Cluster, TestContext.Current.CancellationToken);
        var fencing = await TransactionalFencingProbe.RunAsync(fixture.Cluster, TestContext.Current.CancellationToken);
        var readCommitted = await ReadCommittedProbe.RunAsync(fixture.Cluster, TestContext.Current.CancellationToken);

        offsets.IsSupported.Should().BeTrue(offsets.ToString());
        fencing.IsSupported.Should().BeTrue(fencing.ToString());
        readCommitted.IsSupported.Should().BeTrue(readCommitted.ToString());
    }

    [Theory(Timeout = 90_000)]
    [InlineData(GroupProtocol.Consumer)]
    [InlineData(GroupProtocol.Classic)]
    public async Task SendOffsetsToTransaction_SubscribedMember_OffsetsCommittedWithTheTransactionOnly(GroupProtocol protocol)
    {
        var input = fixture.CreateTopic(partitions: 1);
        var output = fixture.CreateTopic(partitions: 1);
        using (var plain = new ProducerBuilder<string, string>(fixture.Connection.CreateProducerConfig()).Build())
        {
            for (var i = 0; i < 6; i++)
            {
                await plain.ProduceAsync(input, new Message<string, string> { Key = "k", Value = $"in-{i}" }, TestContext.Current.CancellationToken);
            }
        }

        var config = fixture.Connection.CreateConsumerConfig($"ctp-{Guid.NewGuid():N}");
        config.EnableAutoCommit = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        config.GroupProtocol = protocol;
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(input);
        using var producer = Producer(fixture.Connection);
        var partition = new TopicPartition(input, 0);

        var afterCommit = await Task.Run(() => TransformAndSend(consumer, producer, output, 3, commit: true), TestContext.Current.CancellationToken);
        var afterAbort = await Task.Run(() => TransformAndSend(consumer, producer, output, 3, commit: false), TestContext.Current.CancellationToken);

        afterCommit.Should().Be(3, "the committed transaction's offset becomes the member's group offset when CommitTransaction returns");
        afterAbort.Should().Be(3, "the aborted transaction's offset is discarded");

        long TransformAndSend(IConsumer<string, string> c, IProducer<string, string> p, string topic, int count, bool commit)
        {
            p.BeginTransaction();
            ConsumeResult<string, string>? last = null;
            for (var i = 0; i < count; i++)
            {
                last = c.Consume(Deadline) ?? throw new TimeoutException($"No input record within {Deadline}.");
                p.Produce(topic, new Message<string, string> { Key = last.Message.Key, Value = last.Message.Value.ToUpperInvariant() });
            }

            p.SendOffsetsToTransaction([new TopicPartitionOffset(last!.TopicPartition, last.Offset + 1)], c.ConsumerGroupMetadata, Deadline);
            if (commit)
            {
                p.CommitTransaction(Deadline);
            }
            else
            {
                p.AbortTransaction(Deadline);
            }

            return c.Committed([partition], Deadline).Single().Offset.Value;
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task Fencing_OpenTransactionOfTheFencedProducer_IsAbortedForReadCommitted_AndItsNextProduceRejected()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        var config = fixture.Connection.CreateProducerConfig();
        config.TransactionalId = $"zombie-{Guid.NewGuid():N}";
        config.LingerMs = 1;
        using var zombie = new ProducerBuilder<string, string>(config).Build();
        zombie.InitTransactions(Deadline);
        zombie.BeginTransaction();
        await zombie.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "zombie-0" }, TestContext.Current.CancellationToken);

        using var successor = new ProducerBuilder<string, string>(config).Build();
        await Task.Run(() => successor.InitTransactions(Deadline), TestContext.Current.CancellationToken);
        var rejected = () => zombie.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "zombie-1" }, TestContext.Current.CancellationToken);
        var thrown = (await rejected.Should().ThrowAsync<ProduceException<string, string>>()).Which;
        var committed = await TransactionAsync(successor, [topic], "successor", count: 2, commit: true);

        var readCommitted = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadCommitted, (topic, 1));
        var readUncommitted = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadUncommitted, (topic, 1));

        thrown.Error.Code.Should().BeOneOf(ErrorCode.InvalidProducerEpoch, ErrorCode.ProducerFenced, ErrorCode.Local_Fenced);
        readCommitted.Should().Equal(committed, "the fenced producer's open transaction is aborted, so read_committed neither stalls on it nor shows it");
        readUncommitted.Should().Equal(["zombie-0", .. committed], "the rejected record never reached the log");
    }
}
