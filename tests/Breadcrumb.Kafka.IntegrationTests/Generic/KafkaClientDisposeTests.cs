using Breadcrumb.Kafka.IntegrationTests.Hosting;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Generic;

/// <summary>
/// Disposing a client while another thread is inside one of its calls: the call ends with <see cref="ObjectDisposedException"/>
/// and the librdkafka handle is destroyed only after it returned (destroying it under a running call is a SIGSEGV that ends the process).
/// </summary>
public sealed class KafkaClientDisposeTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Consumer_DisposedWhileAReadWaitsOnAnEmptyTopic_TheReadEndsWithObjectDisposed()
    {
        var topic = fixture.CreateTopic(1);
        for (var round = 0; round < 5; round++)
        {
            var options = new KafkaConsumerOptions<string, string> { GroupId = $"g-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest };
            options.Topics.Add(topic);
            var sut = new KafkaConsumer<string, string>(fixture.Connection, options);
            var reading = sut.ConsumeAsync(TestContext.Current.CancellationToken);
            await HandlerHost.WaitUntilAsync(() => sut.Assignment.Count == 1, "the member is assigned the partition, so the read is inside librdkafka's poll", TimeSpan.FromSeconds(20));

            await sut.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

            await FluentActions.Awaiting(() => reading).Should().ThrowAsync<ObjectDisposedException>();
            sut.Assignment.Should().BeEmpty();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Producer_DisposedWhileFlushWaitsForAnUnreachableBroker_TheFlushEndsWithObjectDisposed_AndTheRecordIsReportedFailed()
    {
        var reports = new List<DeliveryReport<string>>();
        var sut = new KafkaProducer<string, string>(KafkaConnection.FromBootstrapServers("127.0.0.1:1"), new KafkaProducerOptions<string, string>
        {
            Topic = "nowhere",
            DisposeFlushTimeout = TimeSpan.FromMilliseconds(200),
            OnDelivery = report =>
            {
                lock (reports)
                {
                    reports.Add(report);
                }
            },
        });
        sut.Send("k", "v");
        var flushing = sut.FlushAsync(TestContext.Current.CancellationToken);

        await sut.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        await FluentActions.Awaiting(() => flushing).Should().ThrowAsync<ObjectDisposedException>();
        reports.Should().ContainSingle().Which.IsDelivered.Should().BeFalse("nothing could reach a broker");
        var send = () => sut.Send("k", "after");
        send.Should().Throw<ObjectDisposedException>();
    }
}
