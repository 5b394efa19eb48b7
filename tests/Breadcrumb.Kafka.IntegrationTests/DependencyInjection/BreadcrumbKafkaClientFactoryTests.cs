using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Breadcrumb.Kafka.IntegrationTests.DependencyInjection;

/// <summary>Issue 8: the DI-registered clients produce and consume on a real (embedded) broker.</summary>
public sealed class BreadcrumbKafkaClientFactoryTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task Factory_TransactionalProducerThenConsumer_ConsumerReadsEveryCommittedRecord()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(6);
        await using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(o =>
            {
                o.Connection = fixture.Connection;
                o.Topic = topic;
                o.GroupId = $"di-{Guid.NewGuid():N}";
            })
            .BuildServiceProvider();
        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        await using (var producer = sut.CreateTransactionalProducer(o =>
        {
            LabPreset.Apply(o);
            o.TransactionalId = $"di-{Guid.NewGuid():N}";
            o.DecisionDelay = TimeSpan.Zero;
        }))
        {
            var run = await producer.RunAsync(BreadcrumbFile.Generate(40, seed: 8), batchCount: 10, cancellationToken: cancellationToken);
            run.CommittedBatches.Should().Be(10);
            producer.Topics.Should().Equal(topic);
        }

        await using var consumer = sut.CreateConsumer(o =>
        {
            LabPreset.Apply(o);
            o.StopAtEndOfPartitions = true;
            o.IdleTimeout = TimeSpan.FromSeconds(20);
        });
        var summary = await consumer.RunAsync(cancellationToken);

        summary.Total.Should().Be(40);
        summary.Topics.Should().Equal(topic);
        summary.StopReason.Should().Be(ConsumeStopReason.EndOfPartitions);
    }

    [Fact(Timeout = 120_000)]
    public async Task Factory_ProducerInspectorCleaner_ProduceCountThenTruncate()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(6);
        await using var provider = new ServiceCollection()
            .AddSingleton<IRecordDeleter>(fixture.Cluster.CreateRecordDeleter())
            .AddBreadcrumbKafka(o =>
            {
                o.Connection = fixture.Connection;
                o.Topic = topic;
            })
            .BuildServiceProvider();
        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        await using (var producer = sut.CreateProducer(o => o.KeyStrategy = KeyStrategy.Random1To5(seed: 3)))
        {
            var sent = await producer.ProduceAllAsync(BreadcrumbFile.Generate(50, seed: 3), cancellationToken);
            sent.Delivered.Should().Be(50);
            producer.Topic.Should().Be(topic);
        }

        var inspector = sut.CreateInspector();
        (await inspector.GetStatsAsync(topic, cancellationToken)).Messages.Should().Be(50);
        var truncated = await sut.CreateCleaner().TruncateAsync(topic, cancellationToken);
        truncated.Deleted.Should().Be(50);
        (await inspector.GetStatsAsync(topic, cancellationToken)).Messages.Should().Be(0);
    }
}
