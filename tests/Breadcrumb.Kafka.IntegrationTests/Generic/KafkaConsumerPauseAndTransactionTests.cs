using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Breadcrumb.Kafka.IntegrationTests.Generic;

/// <summary>Issue 20: pause/resume, exactly-once consume-transform-produce with the library's own clients, and the health check.</summary>
public sealed class KafkaConsumerPauseAndTransactionTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Pause_RecordsWaiting_NothingIsReadUntilResume()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        await SendAsync(topic, ["a"], cancellationToken);
        await using var sut = new KafkaConsumer<string, string>(fixture.Connection, Options(topic));

        sut.Pause();
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(TimeSpan.FromSeconds(3));
        var whilePaused = () => sut.ConsumeAsync(window.Token);
        await whilePaused.Should().ThrowAsync<OperationCanceledException>("a paused member reads nothing, though a record waits");
        sut.Resume();
        var record = await sut.ConsumeAsync(cancellationToken);

        record.Value.Should().Be("a");
        sut.IsPaused.Should().BeFalse();
    }

    [Theory(Timeout = 120_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendOffsetsToTransaction_ConsumeTransformProduce_OutputAndOffsetsCommitOrAbortTogether(bool commit)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (input, output, group) = (fixture.CreateTopic(1), fixture.CreateTopic(1), $"eos-{Guid.NewGuid():N}");
        await SendAsync(input, ["1", "2", "3"], cancellationToken);
        await using (var consumer = new KafkaConsumer<string, string>(fixture.Connection, Options(input, group)))
        await using (var sut = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string>
        {
            Topic = output,
            TransactionalId = $"eos-{Guid.NewGuid():N}",
        }))
        {
            var read = new List<KafkaRecord<string, string>>();
            while (read.Count < 3)
            {
                read.AddRange(await consumer.ConsumeBatchAsync(3 - read.Count, TimeSpan.FromSeconds(1), cancellationToken));
            }

            await sut.BeginTransactionAsync(cancellationToken);
            foreach (var record in read)
            {
                sut.Send(record.Key!, $"x{record.Value}");
            }

            await sut.SendOffsetsToTransactionAsync(read.Select(r => r.NextOffset), consumer.GroupMetadata, cancellationToken);
            await (commit ? sut.CommitTransactionAsync(cancellationToken) : sut.AbortTransactionAsync(cancellationToken));
        }

        await SendAsync(input, ["4"], cancellationToken);
        await using var next = new KafkaConsumer<string, string>(fixture.Connection, Options(input, group));
        var firstAfter = await next.ConsumeAsync(cancellationToken);
        await SendAsync(output, ["marker"], cancellationToken);
        await using var reader = new KafkaConsumer<string, string>(fixture.Connection, Options(output));
        var visible = new List<string?>();
        while (!visible.Contains("marker"))
        {
            visible.AddRange((await reader.ConsumeBatchAsync(10, TimeSpan.FromMilliseconds(500), cancellationToken)).Select(r => r.Value));
        }

        if (commit)
        {
            firstAfter.Value.Should().Be("4", "the offsets were committed with the transaction");
            visible.Should().Equal("x1", "x2", "x3", "marker");
        }
        else
        {
            firstAfter.Value.Should().Be("1", "the offsets were aborted with the transaction");
            visible.Should().Equal("marker");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task HealthCheck_EmbeddedBrokerAndNoBroker_HealthyThenUnhealthy()
    {
        await using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(o => o.Connection = fixture.Connection)
            .AddBreadcrumbKafka("nowhere", o => o.BootstrapServers = "127.0.0.1:1")
            .BuildServiceProvider();
        var factory = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("kafka", _ => null!, HealthStatus.Unhealthy, null) };

        var healthy = await new BreadcrumbKafkaHealthCheck(factory).CheckHealthAsync(context, TestContext.Current.CancellationToken);
        var unhealthy = await new BreadcrumbKafkaHealthCheck(factory, "nowhere").CheckHealthAsync(context, TestContext.Current.CancellationToken);

        healthy.Status.Should().Be(HealthStatus.Healthy, healthy.Description);
        healthy.Description.Should().Contain("broker(s) answered");
        unhealthy.Status.Should().Be(HealthStatus.Unhealthy);
        unhealthy.Description.Should().StartWith("Kafka at 127.0.0.1:1 did not answer within 5 s").And.Contain("Check bootstrap.servers");
    }

    private static KafkaConsumerOptions<string, string> Options(string topic, string? group = null)
    {
        var options = new KafkaConsumerOptions<string, string> { GroupId = group ?? $"g-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest };
        options.Topics.Add(topic);
        return options;
    }

    private async Task SendAsync(string topic, string[] values, CancellationToken cancellationToken)
    {
        await using var producer = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string> { Topic = topic });
        foreach (var value in values)
        {
            (await producer.SendAsync("k", value, cancellationToken: cancellationToken)).IsDelivered.Should().BeTrue();
        }
    }
}
