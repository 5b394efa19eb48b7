using Breadcrumb.Kafka.Broker.Log;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// Fetch (1): stored batches from each partition's fetch offset, up to the partition's and the response's byte
/// limits (the first batch always, however large: KIP-74). When fewer than min_bytes are there it waits until a
/// partition asked for changes or max_wait_ms passes, and answers at once on an error. Fetch sessions are
/// declined: every answer carries session id 0, so clients send full requests.
/// </summary>
internal sealed class FetchHandler : AsyncApiHandler<FetchRequest, FetchResponse>
{
    private const sbyte ReadCommitted = 1;

    /// <summary>Kafka's broker-side fetch.max.bytes (55 MiB): no answer is larger, whatever the client asks.</summary>
    internal const int BrokerFetchMaxBytes = 55 * 1024 * 1024;

    protected override async ValueTask<FetchResponse> HandleAsync(RequestContext context, FetchRequest request)
    {
        if (request.SessionId != 0)
        {
            return new FetchResponse { ErrorCode = (short)ErrorCode.FetchSessionIdNotFound };
        }

        if (request.SessionEpoch is not (-1 or 0))
        {
            return new FetchResponse { ErrorCode = (short)ErrorCode.InvalidFetchSessionEpoch };
        }

        var cluster = context.Cluster;
        var byId = context.Version >= 13;
        var targets = request.Topics.Select(t => (Request: t, Topic: byId ? cluster.Topics.Find(t.TopicId) : cluster.Topics.Find(t.Topic))).ToList();
        var started = cluster.TimeProvider.GetTimestamp();
        var maxWait = TimeSpan.FromMilliseconds(Math.Max(0, request.MaxWaitMs));
        List<Task>? changed = null;
        while (true)
        {
            var (response, bytes, failed) = Read(context, request, targets, byId);
            var left = maxWait - cluster.TimeProvider.GetElapsedTime(started);
            if (bytes >= request.MinBytes || failed || left <= TimeSpan.Zero || !targets.Any(t => t.Topic is not null))
            {
                return response;
            }

            if (changed is null)
            {
                // Register for changes, then read once more: a record may have come in between.
                changed = [.. targets.SelectMany(t => t.Topic?.Partitions ?? []).Select(log => log.WaitForChangeAsync())];
                continue;
            }

            using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken))
            {
                var timeout = Task.Delay(left, cluster.TimeProvider, waiting.Token);
                await Task.WhenAny([.. changed, timeout]).ConfigureAwait(false);
                await waiting.CancelAsync().ConfigureAwait(false);
            }

            context.CancellationToken.ThrowIfCancellationRequested();
            changed = null;
        }
    }

    private static (FetchResponse Response, int Bytes, bool Failed) Read(
        RequestContext context, FetchRequest request, List<(FetchRequest.TopicToFetch Request, TopicState? Topic)> targets, bool byId)
    {
        var response = new FetchResponse();
        var budget = Math.Min(request.MaxBytes, BrokerFetchMaxBytes);
        var total = 0;
        var failed = false;
        foreach (var (asked, topic) in targets)
        {
            var topicData = new FetchResponse.TopicData { Topic = asked.Topic, TopicId = asked.TopicId };
            response.Responses.Add(topicData);
            foreach (var partition in asked.Partitions)
            {
                var data = ReadPartition(context, request, topic, partition, budget - total, total == 0, byId);
                failed |= data.ErrorCode != 0;
                total += data.Records.Length;
                topicData.Partitions.Add(data);
            }
        }

        return (response, total, failed);
    }

    private static FetchResponse.PartitionData ReadPartition(
        RequestContext context, FetchRequest request, TopicState? topic, FetchRequest.PartitionToFetch asked, int bytesLeft, bool firstData, bool byId)
    {
        var data = new FetchResponse.PartitionData { PartitionIndex = asked.Partition, HighWatermark = -1, Records = RecordBytes.Empty };
        if (topic is not null && context.InjectedError(topic.Name, asked.Partition) is var injected && injected != ErrorCode.None)
        {
            return Fail(data, injected);
        }

        var log = topic?.Partition(asked.Partition);
        if (topic is null || log is null)
        {
            return Fail(data, byId && topic is null ? ErrorCode.UnknownTopicId : ErrorCode.UnknownTopicOrPartition);
        }

        var leader = topic.LeaderOf(asked.Partition);
        if (leader != context.Broker.NodeId)
        {
            data.CurrentLeader = new FetchResponse.LeaderAndEpoch { LeaderId = leader, LeaderEpoch = log.LeaderEpoch };
            return Fail(data, ErrorCode.NotLeaderOrFollower);
        }

        if (asked.CurrentLeaderEpoch != -1 && asked.CurrentLeaderEpoch != log.LeaderEpoch)
        {
            return Fail(data, asked.CurrentLeaderEpoch > log.LeaderEpoch ? ErrorCode.UnknownLeaderEpoch : ErrorCode.FencedLeaderEpoch);
        }

        var committed = request.IsolationLevel == ReadCommitted;
        var highWatermark = log.HighWatermark;
        var lastStable = log.LastStableOffset;
        data.HighWatermark = highWatermark;
        data.LastStableOffset = lastStable;
        data.LogStartOffset = log.LogStartOffset;
        data.AbortedTransactions = committed
            ? [.. log.AbortedBetween(asked.FetchOffset, lastStable).Select(a => new FetchResponse.AbortedTransaction { ProducerId = a.ProducerId, FirstOffset = a.FirstOffset })]
            : null;
        if (asked.FetchOffset < data.LogStartOffset || asked.FetchOffset > highWatermark)
        {
            return Fail(data, ErrorCode.OffsetOutOfRange);
        }

        var limit = Math.Min(Math.Max(0, asked.PartitionMaxBytes), Math.Max(0, bytesLeft));
        var slice = log.Read(asked.FetchOffset, limit, minOneBatch: firstData, upTo: committed ? lastStable : highWatermark);
        data.Records = new RecordBytes(slice.Segments);
        return data;
    }

    private static FetchResponse.PartitionData Fail(FetchResponse.PartitionData data, ErrorCode error)
    {
        data.ErrorCode = (short)error;
        return data;
    }
}
