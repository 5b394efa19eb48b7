using System.Text;
using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Generic;

/// <summary>Issue 20: the generic producer and consumer over a record type of the user's own, with typed keys and headers.</summary>
public sealed class KafkaProducerConsumerTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static readonly KafkaSerde<Order> Orders = KafkaSerdes.Json(OrderJsonContext.Default.Order);

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_OrdersWithIntKeysAndHeaders_ConsumerSeesKeyValueHeadersAndPlace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(3);
        var reports = new List<DeliveryReport<int>>();
        await using (var sut = new KafkaProducer<int, Order>(fixture.Connection, new KafkaProducerOptions<int, Order>
        {
            Topic = topic,
            ValueSerializer = Orders,
            OnDelivery = r => { lock (reports) { reports.Add(r); } },
        }))
        {
            for (var id = 1; id <= 10; id++)
            {
                var report = await sut.SendAsync(id, new Order(id, $"item-{id}", id * 1.5m), new Headers { { "source", Encoding.UTF8.GetBytes("test") } }, cancellationToken);
                report.IsDelivered.Should().BeTrue(report.Error?.Reason);
                report.Key.Should().Be(id);
            }

            sut.GetSummary().Delivered.Should().Be(10);
        }

        reports.Should().HaveCount(10).And.OnlyContain(r => r.IsDelivered && r.Topic == topic);
        var read = await ReadAsync<int, Order>(topic, 10, o => o.ValueDeserializer = Orders, cancellationToken);

        read.Select(r => r.Key).Should().BeEquivalentTo(Enumerable.Range(1, 10));
        read.Should().OnlyContain(r => r.Value!.Id == r.Key && r.Value.Item == $"item-{r.Key}" && r.Topic == topic && r.Partition >= 0 && r.Offset >= 0);
        read.Select(r => Encoding.UTF8.GetString(r.Headers.GetLastBytes("source"))).Should().OnlyContain(h => h == "test");
        read.Should().OnlyContain(r => r.Timestamp > DateTimeOffset.UnixEpoch);
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_ExplicitPartitionAndTombstone_LandWhereAsked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(4);
        await using (var sut = new KafkaProducer<string, Order?>(fixture.Connection, new KafkaProducerOptions<string, Order?>
        {
            Topic = topic,
            ValueSerializer = Orders!,
        }))
        {
            sut.Send("a", new Order(1, "x", 1m), partition: 2);
            sut.Send("a", null, partition: 2);
            await sut.FlushAsync(cancellationToken);
        }

        var read = await ReadAsync<string, Order>(topic, 2, o => o.ValueDeserializer = Orders, cancellationToken);

        read.Should().OnlyContain(r => r.Partition == 2 && r.Key == "a");
        read.Should().ContainSingle(r => r.Value == null, "a null value is a tombstone");
    }

    [Fact(Timeout = 60_000)]
    public async Task ConsumeAsync_OrderJsonReadAsBreadcrumb_FailsNamingTheTypeAndTheMissingField()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        await using (var producer = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string> { Topic = topic }))
        {
            (await producer.SendAsync("k", """{"orderId":5}""", cancellationToken: cancellationToken)).IsDelivered.Should().BeTrue();
        }

        await using var sut = new KafkaConsumer<string, BreadcrumbRecord>(fixture.Connection, Options<string, BreadcrumbRecord>(
            topic, o => o.ValueDeserializer = KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord)));

        var act = () => sut.ConsumeAsync(cancellationToken);

        var thrown = (await act.Should().ThrowAsync<ConsumeException>()).Which;
        thrown.Error.Code.Should().Be(ErrorCode.Local_ValueDeserialization);
        thrown.Message.Should().Contain($"at {topic} [0] @0 is not a BreadcrumbRecord")
            .And.Contain("BreadcrumbRecord")
            .And.Contain("EVENT_NO_TRIP");
    }

    [Fact(Timeout = 60_000)]
    public async Task ConsumeBatchAsync_BadRecordInTheMiddle_ReturnsThoseBeforeThenThrowsThenGoesOn()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        await using (var producer = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string> { Topic = topic }))
        {
            foreach (var json in new[] { """{"Id":1,"Item":"a","Amount":1}""", "not json", """{"Id":3,"Item":"c","Amount":3}""" })
            {
                producer.Send("k", json);
            }

            await producer.FlushAsync(cancellationToken);
        }

        await using var sut = new KafkaConsumer<string, Order>(fixture.Connection, Options<string, Order>(topic, o => o.ValueDeserializer = Orders));

        var first = await sut.ConsumeBatchAsync(10, TimeSpan.FromSeconds(2), cancellationToken);
        var bad = () => sut.ConsumeBatchAsync(10, TimeSpan.FromSeconds(2), cancellationToken);
        (await bad.Should().ThrowAsync<ConsumeException>()).Which.Message.Should().Contain("@1 is not a Order");
        var last = await sut.ConsumeBatchAsync(10, TimeSpan.FromSeconds(2), cancellationToken);

        first.Select(r => r.Value!.Id).Should().Equal(1);
        last.Select(r => r.Value!.Id).Should().Equal(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task CommitAsync_HandledRecords_NextMemberOfTheGroupStartsAfterThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        var group = $"g-{Guid.NewGuid():N}";
        await using (var producer = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string> { Topic = topic }))
        {
            for (var i = 0; i < 6; i++)
            {
                producer.Send("k", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await producer.FlushAsync(cancellationToken);
        }

        await using (var sut = new KafkaConsumer<string, string>(fixture.Connection, Options<string, string>(topic, o => o.GroupId = group)))
        {
            var handled = new List<KafkaRecord<string, string>>();
            while (handled.Count < 3)
            {
                handled.Add(await sut.ConsumeAsync(cancellationToken));
            }

            await sut.CommitAsync(handled, cancellationToken);
        }

        await using var next = new KafkaConsumer<string, string>(fixture.Connection, Options<string, string>(topic, o => o.GroupId = group));
        (await next.ConsumeAsync(cancellationToken)).Value.Should().Be("3");
    }

    [Fact(Timeout = 60_000)]
    public async Task OnDeliveryAsync_SlowAsyncCallback_FlushWaitsForEveryCallbackInOrderPerPartition()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(1);
        var handled = new List<long>();
        await using var sut = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string>
        {
            Topic = topic,
            OnDeliveryAsync = async (report, ct) =>
            {
                await Task.Yield();   // an await that leaves librdkafka's thread, as a database write would
                lock (handled)
                {
                    handled.Add(report.Offset);
                }
            },
        });

        for (var i = 0; i < 50; i++)
        {
            sut.Send("k", $"v{i}");
        }

        await sut.FlushAsync(cancellationToken);

        handled.Should().Equal(Enumerable.Range(0, 50).Select(i => (long)i), "every callback ran, in delivery order, before FlushAsync returned");
    }

    [Fact(Timeout = 60_000)]
    public async Task OnDeliveryAsync_CallbackThrows_NextFlushRethrowsIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var sut = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string>
        {
            Topic = fixture.CreateTopic(1),
            OnDeliveryAsync = (_, _) => throw new InvalidOperationException("ledger is down"),
        });
        sut.Send("k", "v");

        var act = () => sut.FlushAsync(cancellationToken);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("KafkaProducerOptions.OnDelivery of producer 'producer' threw InvalidOperationException: ledger is down*");
    }

    [Fact(Timeout = 30_000)]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var sut = new KafkaConsumer<string, string>(fixture.Connection, Options<string, string>(fixture.CreateTopic(1)));
        var producer = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string> { Topic = fixture.CreateTopic(1) });

        await sut.DisposeAsync();
        await producer.DisposeAsync();
        var again = async () =>
        {
            await sut.DisposeAsync();
            await producer.DisposeAsync();
        };

        await again.Should().NotThrowAsync();
    }

    private static KafkaConsumerOptions<TKey, TValue> Options<TKey, TValue>(string topic, Action<KafkaConsumerOptions<TKey, TValue>>? configure = null)
    {
        var options = new KafkaConsumerOptions<TKey, TValue> { GroupId = $"g-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest };
        options.Topics.Add(topic);
        configure?.Invoke(options);
        return options;
    }

    private async Task<List<KafkaRecord<TKey, TValue>>> ReadAsync<TKey, TValue>(
        string topic, int count, Action<KafkaConsumerOptions<TKey, TValue>> configure, CancellationToken cancellationToken)
    {
        await using var consumer = new KafkaConsumer<TKey, TValue>(fixture.Connection, Options(topic, configure));
        var read = new List<KafkaRecord<TKey, TValue>>();
        while (read.Count < count)
        {
            read.AddRange(await consumer.ConsumeBatchAsync(count - read.Count, TimeSpan.FromSeconds(1), cancellationToken));
        }

        return read;
    }
}
