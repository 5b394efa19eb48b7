using System.Text;
using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.IntegrationTests.Hosting;

/// <summary>Issue 20: hosted handlers on the embedded broker — commit after handling, retry, dead letters, stop and pause.</summary>
public sealed class KafkaHandlerServiceTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task HostedHandler_GoodAndPoisonRecords_HandlesGoodOnesAndDeadLettersPoisonWithTheFailureInHeaders()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (topic, dlq) = (fixture.CreateTopic(3), fixture.CreateTopic(1));
        var sink = new OrderSink();
        using var host = HandlerHost.Build<OrderHandler>(fixture, sink, topic, Group(), o => { o.DeadLetterTopic = dlq; o.RetryCount = 2; });
        await host.StartAsync(cancellationToken);

        await HandlerHost.SendAsync(fixture, topic, [new Order(1, "a", 1m), new Order(2, "b", 2m) { Poison = true }, """{"orderId":5}""", new Order(3, "c", 3m)], cancellationToken);
        var sut = host.Services.GetRequiredKeyedService<KafkaHandlerService<string, Order>>(typeof(OrderHandler).FullName);
        await HandlerHost.WaitUntilAsync(() => sut.HandledCount == 2 && sut.DeadLetteredCount == 2, "2 handled and 2 dead-lettered");
        await host.StopAsync(cancellationToken);

        sink.Handled.Select(r => r.Value!.Id).Should().BeEquivalentTo([1, 3]);
        sink.AttemptsOf(2).Should().Be(3, "one attempt and RetryCount = 2 retries");
        var dead = await HandlerHost.ReadAllAsync(fixture, dlq, 2, cancellationToken);
        var handleFailure = dead.Single(r => Header(r, DeadLetterHeaders.Stage) == "handle");
        Header(handleFailure, DeadLetterHeaders.Topic).Should().Be(topic);
        Header(handleFailure, DeadLetterHeaders.Attempts).Should().Be("3");
        Header(handleFailure, DeadLetterHeaders.ExceptionType).Should().Be(typeof(InvalidOperationException).FullName);
        Header(handleFailure, DeadLetterHeaders.ExceptionMessage).Should().Be("order 2 is poison (attempt 3)");
        Encoding.UTF8.GetString(handleFailure.Value!).Should().Contain("\"Id\":2", "the original bytes are kept");
        var unreadable = dead.Single(r => Header(r, DeadLetterHeaders.Stage) == "deserialize");
        Encoding.UTF8.GetString(unreadable.Value!).Should().Be("""{"orderId":5}""");
        Header(unreadable, DeadLetterHeaders.ExceptionMessage).Should().Contain("is not a Order").And.Contain("missing required properties");
        Header(unreadable, DeadLetterHeaders.ExceptionType).Should().Be(typeof(System.Text.Json.JsonException).FullName);
    }

    [Fact(Timeout = 120_000)]
    public async Task HostedHandler_FailsTwiceThenSucceeds_RetriedAndHandledOnceWithNoDeadLetter()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (topic, dlq) = (fixture.CreateTopic(1), fixture.CreateTopic(1));
        var sink = new OrderSink { FailuresPerPoisonRecord = 2 };
        using var host = HandlerHost.Build<OrderHandler>(fixture, sink, topic, Group(), o => { o.DeadLetterTopic = dlq; o.RetryCount = 3; });
        await host.StartAsync(cancellationToken);

        await HandlerHost.SendAsync(fixture, topic, [new Order(7, "flaky", 1m) { Poison = true }], cancellationToken);
        var sut = host.Services.GetRequiredKeyedService<KafkaHandlerService<string, Order>>(typeof(OrderHandler).FullName);
        await HandlerHost.WaitUntilAsync(() => sut.HandledCount == 1, "the record is handled");
        await host.StopAsync(cancellationToken);

        sink.AttemptsOf(7).Should().Be(3);
        sut.DeadLetteredCount.Should().Be(0);
    }

    [Fact(Timeout = 120_000)]
    public async Task HostedHandler_NoDeadLetterTopic_StopsWithoutCommittingTheFailingRecord()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        var group = Group();
        var sink = new OrderSink();
        using var host = HandlerHost.Build<OrderHandler>(fixture, sink, topic, group, o => o.RetryCount = 1);
        await host.StartAsync(cancellationToken);

        await HandlerHost.SendAsync(fixture, topic, [new Order(1, "a", 1m), new Order(2, "b", 1m) { Poison = true }, new Order(3, "c", 1m)], cancellationToken);
        var sut = host.Services.GetRequiredKeyedService<KafkaHandlerService<string, Order>>(typeof(OrderHandler).FullName);
        await HandlerHost.WaitUntilAsync(() => sut.ExecuteTask is { IsCompleted: true }, "the handler stops");

        var failure = sut.ExecuteTask!.Exception!.InnerException;
        failure.Should().BeOfType<InvalidOperationException>().Which.Message.Should()
            .Contain($"the record at {topic} [0] @1 failed 2 time(s) in OrderHandler").And.Contain("DeadLetterTopic is not set");
        sink.Handled.Select(r => r.Value!.Id).Should().Equal(1);
        await using var next = new KafkaConsumer<string, Order>(fixture.Connection, Options(topic, group));
        (await next.ConsumeAsync(cancellationToken)).Offset.Should().Be(1, "the failed record was not committed, so the group reads it again");
    }

    [Fact(Timeout = 120_000)]
    public async Task HostedHandler_StoppedAfterHandling_TheGroupGoesOnAfterWhatWasHandled()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        var group = Group();
        var sink = new OrderSink();
        using (var host = HandlerHost.Build<OrderHandler>(fixture, sink, topic, group))
        {
            await host.StartAsync(cancellationToken);
            await HandlerHost.SendAsync(fixture, topic, Enumerable.Range(1, 5).Select(i => (object)new Order(i, "x", i)), cancellationToken);
            await HandlerHost.WaitUntilAsync(() => sink.Handled.Count == 5, "5 records are handled");
            await host.StopAsync(cancellationToken);
        }

        await HandlerHost.SendAsync(fixture, topic, [new Order(6, "after", 6m)], cancellationToken);
        await using var next = new KafkaConsumer<string, Order>(fixture.Connection, Options(topic, group));

        var record = await next.ConsumeAsync(cancellationToken);

        record.Offset.Should().Be(5);
        record.Value!.Id.Should().Be(6);
    }

    [Fact(Timeout = 120_000)]
    public async Task HostedBatchHandler_ManyRecords_HandledInBatchesAndCommitted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(2);
        var sink = new OrderSink();
        await HandlerHost.SendAsync(fixture, topic, Enumerable.Range(1, 30).Select(i => (object)new Order(i, "x", i)), cancellationToken);
        using var host = HandlerHost.Build<OrderBatchHandler>(fixture, sink, topic, Group(), o => o.MaxBatchSize = 8, batch: true);
        await host.StartAsync(cancellationToken);

        var sut = host.Services.GetRequiredKeyedService<KafkaHandlerService<string, Order>>(typeof(OrderBatchHandler).FullName);
        await HandlerHost.WaitUntilAsync(() => sut.HandledCount == 30, "30 records are handled");
        var lag = sut.GetLag();
        await host.StopAsync(cancellationToken);

        sink.Handled.Select(r => r.Value!.Id).Should().BeEquivalentTo(Enumerable.Range(1, 30));
        lag.Values.Should().OnlyContain(l => l == 0, "everything was read");
    }

    [Fact(Timeout = 120_000)]
    public async Task HostedHandler_PausedThenResumed_HandlesOnlyAfterResume()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        var sink = new OrderSink();
        using var host = HandlerHost.Build<OrderHandler>(fixture, sink, topic, Group());
        var sut = host.Services.GetRequiredKeyedService<KafkaHandlerService<string, Order>>(typeof(OrderHandler).FullName);
        sut.Pause();
        await host.StartAsync(cancellationToken);

        await HandlerHost.SendAsync(fixture, topic, [new Order(1, "a", 1m)], cancellationToken);
        sut.IsPaused.Should().BeTrue();
        sut.Resume();
        await HandlerHost.WaitUntilAsync(() => sink.Handled.Count == 1, "the record is handled after resume");
        await host.StopAsync(cancellationToken);

        sut.IsPaused.Should().BeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task Host_InvalidHandlerOptions_FailsAtStartNamingEachSetting()
    {
        var sink = new OrderSink();
        using var host = HandlerHost.Build<OrderHandler>(fixture, sink, "ok-topic", Group(), o => { o.MaxBatchSize = 0; o.DeadLetterTopic = "ok-topic"; });

        var act = () => host.StartAsync(TestContext.Current.CancellationToken);

        var thrown = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        thrown.Message.Should().Contain($"Kafka handler '{typeof(OrderHandler).FullName}': KafkaConsumerOptions.MaxBatchSize must be from 1 to 100,000 (was 0).")
            .And.Contain("KafkaConsumerOptions.DeadLetterTopic is 'ok-topic', a topic this consumer reads");
    }

    private static string Group() => $"handlers-{Guid.NewGuid():N}";

    private static KafkaConsumerOptions<string, Order> Options(string topic, string group)
    {
        var options = new KafkaConsumerOptions<string, Order> { GroupId = group, ValueDeserializer = HandlerHost.Orders, AutoOffsetReset = AutoOffsetReset.Earliest };
        options.Topics.Add(topic);
        return options;
    }

    private static string Header(KafkaRecord<byte[], byte[]> record, string name) => Encoding.UTF8.GetString(record.Headers.GetLastBytes(name));
}
