using System.Diagnostics;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Microsoft.Extensions.Time.Testing;
using ErrorCode = Breadcrumb.Kafka.Broker.Protocol.ErrorCode;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Fetch at the protocol level: long polls, byte limits (KIP-74), offsets out of range, topic ids, declined sessions.</summary>
public sealed class FetchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task Fetch_WaitingForMinBytes_AnswersAsSoonAsARecordArrives()
    {
        var topic = fixture.CreateTopic();
        await using var fetcher = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        await using var producer = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var request = TestBatch.Fetch(topic, 0, 0);
        request.MinBytes = 1;
        request.MaxWaitMs = 20_000;
        var started = Stopwatch.StartNew();

        var pending = fetcher.SendAsync<FetchResponse>(request, 12);
        pending.IsCompleted.Should().BeFalse("the partition is empty and the fetch may wait 20 s");
        TestBatch.Single(await producer.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, new TestBatch().Encode()), 11)).ErrorCode.Should().Be(0);
        var response = await pending;

        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the fetch answers when the record arrives, not when max_wait_ms passes");
        response.Responses.Single().Partitions.Single().Records.Length.Should().BeGreaterThan(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Fetch_NothingToRead_AnswersEmptyWhenMaxWaitPassesOnTheClusterClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic);
        await using var connection = await RawKafkaConnection.ConnectAsync(cluster);
        var request = TestBatch.Fetch(topic, 0, 0);
        request.MinBytes = 1;
        request.MaxWaitMs = 500;

        var pending = connection.SendAsync<FetchResponse>(request, 12);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        pending.IsCompleted.Should().BeFalse("max_wait_ms has not passed yet");
        while (!pending.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.WhenAny(pending, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        var partition = (await pending).Responses.Single().Partitions.Single();
        partition.ErrorCode.Should().Be(0);
        partition.Records.Length.Should().Be(0);
        partition.HighWatermark.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Fetch_PartitionMaxBytesSmallerThanABatch_StillReturnsTheFirstBatch()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var batch = new TestBatch { Values = [new string('x', 5000)] }.Encode();
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, batch), 11)).ErrorCode.Should().Be(0);
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, batch), 11)).ErrorCode.Should().Be(0);
        var request = TestBatch.Fetch(topic, 0, 0);
        request.MaxBytes = 100;
        request.Topics[0].Partitions[0].PartitionMaxBytes = 100;

        var response = await connection.SendAsync<FetchResponse>(request, 12);

        response.Responses.Single().Partitions.Single().Records.Length.Should().Be(batch.Length, "KIP-74: the first batch comes whole, and only it");
    }

    [Fact(Timeout = 30_000)]
    public async Task Fetch_OffsetPastTheHighWatermarkOrBelowTheLogStart_IsOffsetOutOfRange()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, new TestBatch { Values = ["a", "b"] }.Encode()), 11));
        fixture.Cluster.Core.Topics.Find(topic)!.Partitions[0].DeleteRecordsBefore(1);

        var past = await connection.SendAsync<FetchResponse>(TestBatch.Fetch(topic, 0, 3), 12);
        var below = await connection.SendAsync<FetchResponse>(TestBatch.Fetch(topic, 0, 0), 12);
        var atEnd = await connection.SendAsync<FetchResponse>(TestBatch.Fetch(topic, 0, 2), 12);

        past.Responses.Single().Partitions.Single().ErrorCode.Should().Be((short)ErrorCode.OffsetOutOfRange);
        below.Responses.Single().Partitions.Single().ErrorCode.Should().Be((short)ErrorCode.OffsetOutOfRange);
        below.Responses.Single().Partitions.Single().LogStartOffset.Should().Be(1);
        atEnd.Responses.Single().Partitions.Single().ErrorCode.Should().Be(0, "the high watermark itself is a valid place to wait");
    }

    [Fact(Timeout = 30_000)]
    public async Task Fetch_V13AndLater_NamesTopicsById()
    {
        var topic = fixture.CreateTopic();
        var id = fixture.Cluster.DescribeTopic(topic)!.TopicId;
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, new TestBatch().Encode()), 11));
        var request = TestBatch.Fetch(topic, 0, 0);
        request.Topics[0].TopicId = id;
        var unknown = TestBatch.Fetch(topic, 0, 0);
        unknown.Topics[0].TopicId = Guid.NewGuid();

        var response = await connection.SendAsync<FetchResponse>(request, 17);
        var missing = await connection.SendAsync<FetchResponse>(unknown, 17);

        response.Responses.Single().TopicId.Should().Be(id);
        response.Responses.Single().Partitions.Single().Records.Length.Should().BeGreaterThan(0);
        missing.Responses.Single().Partitions.Single().ErrorCode.Should().Be((short)ErrorCode.UnknownTopicId);
    }

    [Fact(Timeout = 30_000)]
    public async Task Fetch_SessionsAreDeclined_SessionIdZeroAndUnknownSessionsRefused()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var opening = TestBatch.Fetch(topic, 0, 0);
        opening.SessionEpoch = 0;
        var resumed = TestBatch.Fetch(topic, 0, 0);
        resumed.SessionId = 12345;
        resumed.SessionEpoch = 1;

        var declined = await connection.SendAsync<FetchResponse>(opening, 12);
        var unknown = await connection.SendAsync<FetchResponse>(resumed, 12);

        declined.ErrorCode.Should().Be(0);
        declined.SessionId.Should().Be(0, "a session id of 0 tells the client to keep sending full requests");
        unknown.ErrorCode.Should().Be((short)ErrorCode.FetchSessionIdNotFound);
    }
}
