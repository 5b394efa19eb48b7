using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Consuming;

public sealed class KeyFilteredConsumerTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static KeyFilteredConsumerOptions Options(string topic, IRecordFilter? filter = null) => LabPreset.Apply(new KeyFilteredConsumerOptions()
    {
        Topic = topic,
        GroupId = $"g-{Guid.NewGuid():N}",
        Filter = filter ?? RecordFilter.Any,
        StopAtEndOfPartitions = true,
        IdleTimeout = TimeSpan.FromSeconds(20),
    });

    [Fact(Timeout = 90_000)]
    public async Task RunAsync_FilterOnHeadersTopicAndTimestamp_SeesThemAndKeepsOnlyMatches_Issue20()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(3);
        await using (var producer = new KafkaProducer<string, BreadcrumbRecord>(fixture.Connection, new KafkaProducerOptions<string, BreadcrumbRecord>
        {
            Topic = topic,
            ValueSerializer = KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord),
        }))
        {
            for (var i = 0; i < 30; i++)
            {
                var source = i % 3 == 0 ? "gps" : "manual";
                producer.Send($"{i % 5}", new BreadcrumbRecord { VehicleId = $"{i}" }, new Confluent.Kafka.Headers { { "source", System.Text.Encoding.UTF8.GetBytes(source) } });
            }

            await producer.FlushAsync(cancellationToken);
        }

        var filter = RecordFilter.Where(
            i => i.Topic == topic && i.Timestamp > DateTimeOffset.UnixEpoch && i.Headers is { } h && h.TryGetLastBytes("source", out var b) && b.AsSpan().SequenceEqual("gps"u8),
            "source gps");
        await using var sut = new KeyFilteredConsumer(fixture.Connection, Options(topic, filter));

        var summary = await sut.RunAsync(cancellationToken);

        summary.Total.Should().Be(10);
        summary.Skipped.Should().Be(20);
    }

    [Fact(Timeout = 90_000)]
    public async Task RunAsync_EachKeySeparately_CountsSumToAllAndEachRunSeesOnlyItsKeyInOrder()
    {
        var topic = fixture.CreateTopic(6);
        var delivered = await RawProducer.ProduceRandomKeysAsync(fixture.Connection, topic, 1000);

        var total = 0L;
        foreach (var key in new[] { "1", "2", "3", "4", "5" })
        {
            await using var sut = new KeyFilteredConsumer(fixture.Connection, Options(topic, RecordFilter.Key(key)));

            var summary = await sut.RunAsync(TestContext.Current.CancellationToken);

            summary.Total.Should().Be(delivered.Count(d => d.Key == key));
            summary.PerKey.Keys.Should().Equal(key);
            summary.OrderHeld.Should().BeTrue();
            summary.Received.Should().Be(1000);
            summary.StopReason.Should().Be(ConsumeStopReason.EndOfPartitions);
            total += summary.Total;
        }

        total.Should().Be(1000);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadAllAsync_KeySet_YieldsOnlyThoseKeysWithOffsetsIncreasingPerKeyAndPartition()
    {
        var topic = fixture.CreateTopic(6);
        var delivered = await RawProducer.ProduceRandomKeysAsync(fixture.Connection, topic, 1000, seed: 7);
        await using var sut = new KeyFilteredConsumer(fixture.Connection, Options(topic, RecordFilter.Keys("2", "3")));

        var records = new List<ConsumedRecord>();
        await foreach (var record in sut.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        records.Should().HaveCount(delivered.Count(d => d.Key is "2" or "3"));
        records.Select(r => r.Key).Distinct().Should().BeEquivalentTo(["2", "3"]);
        foreach (var group in records.GroupBy(r => (r.Key, r.Partition)))
        {
            group.Select(r => r.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }

        records[0].GetRecord()!.VehicleId.Should().Be("1776");
        sut.Summary!.Total.Should().Be(records.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadAllAsync_ReaderFallsBehindTheReadAhead_GetsEveryRecordOnceInOrder()
    {
        var topic = fixture.CreateTopic(2);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 3000, i => $"k{i % 7}");
        await using var sut = new KeyFilteredConsumer(fixture.Connection, Options(topic));

        var records = new List<ConsumedRecord>();
        await foreach (var record in sut.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            if (records.Count == 0)
            {
                // Falling behind while the loop fills its 1,024-record read-ahead makes it pause and later resume.
                await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
            }

            records.Add(record);
        }

        records.Should().HaveCount(3000);
        records.Select(r => (r.Partition, r.Offset)).Should().OnlyHaveUniqueItems();
        foreach (var partition in records.GroupBy(r => r.Partition))
        {
            partition.Select(r => r.Offset).Should().BeInAscendingOrder();
        }

        sut.Summary!.Total.Should().Be(3000);
        sut.Summary.StopReason.Should().Be(ConsumeStopReason.EndOfPartitions);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_KeyThatDoesNotExist_ReturnsZeroWithinIdleTimeoutAndSaysSo()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceRandomKeysAsync(fixture.Connection, topic, 1000);
        var options = Options(topic, RecordFilter.Key("100"));
        options.StopAtEndOfPartitions = false;
        options.IdleTimeout = TimeSpan.FromSeconds(1.5);
        await using var sut = new KeyFilteredConsumer(fixture.Connection, options);

        var summary = await sut.RunAsync(TestContext.Current.CancellationToken);

        summary.Total.Should().Be(0);
        summary.Skipped.Should().Be(1000);
        summary.StopReason.Should().Be(ConsumeStopReason.IdleTimeout);
        summary.Message.Should().StartWith("no record had key '100'");
        summary.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_SameGroupTwice_SecondRunGetsNothingNewButNewGroupGetsAll()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 600, i => $"producer{i % 3}");
        var options = Options(topic);

        await using (var first = new KeyFilteredConsumer(fixture.Connection, options))
        {
            (await first.RunAsync(TestContext.Current.CancellationToken)).Total.Should().Be(600);
        }

        await using var rerun = new KeyFilteredConsumer(fixture.Connection, options);
        var again = await rerun.RunAsync(TestContext.Current.CancellationToken);
        options.GroupId = $"g-{Guid.NewGuid():N}";
        await using var newGroup = new KeyFilteredConsumer(fixture.Connection, options);
        var fresh = await newGroup.RunAsync(TestContext.Current.CancellationToken);

        again.Total.Should().Be(0);
        again.Message.Should().StartWith("no record was read from");
        fresh.Total.Should().Be(600);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_AssignedPartitions_ReadsOnlyThosePartitionsAndCommits()
    {
        var topic = fixture.CreateTopic(6);
        var delivered = await RawProducer.ProduceAsync(fixture.Connection, topic, 600, i => $"k{i}");
        var options = Options(topic);
        options.Partitions = [0, 3];

        await using var sut = new KeyFilteredConsumer(fixture.Connection, options);
        var summary = await sut.RunAsync(TestContext.Current.CancellationToken);
        await using var rerun = new KeyFilteredConsumer(fixture.Connection, options);
        var again = await rerun.RunAsync(TestContext.Current.CancellationToken);

        summary.Total.Should().Be(delivered.Count(d => d.Partition is 0 or 3)).And.BePositive();
        summary.PerPartition.Select(p => p.Partition).Should().BeSubsetOf([0, 3]);
        summary.PartitionsAssigned.Select(p => p.Partition.Value).Should().Equal(0, 3);
        again.Total.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_MaxRecords_StopsAtThatCount()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 300, i => $"k{i % 10}");
        var options = Options(topic);
        options.MaxRecords = 25;
        await using var sut = new KeyFilteredConsumer(fixture.Connection, options);

        var summary = await sut.RunAsync(TestContext.Current.CancellationToken);

        summary.Total.Should().Be(25);
        summary.StopReason.Should().Be(ConsumeStopReason.MaxRecords);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_Cancelled_ReturnsSummarySayingCancelled()
    {
        var topic = fixture.CreateTopic(6);
        var options = Options(topic);
        options.StopAtEndOfPartitions = false;
        options.IdleTimeout = Timeout.InfiniteTimeSpan;
        await using var sut = new KeyFilteredConsumer(fixture.Connection, options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var summary = await sut.RunAsync(cts.Token);

        summary.StopReason.Should().Be(ConsumeStopReason.Cancelled);
        summary.Total.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_Twice_ThrowsSayingCreateANewOne()
    {
        var topic = fixture.CreateTopic(1);
        await using var sut = new KeyFilteredConsumer(fixture.Connection, Options(topic));
        await sut.RunAsync(TestContext.Current.CancellationToken);

        var act = () => sut.RunAsync(TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("KeyFilteredConsumer 'consumer0' has already run*");
    }
}
