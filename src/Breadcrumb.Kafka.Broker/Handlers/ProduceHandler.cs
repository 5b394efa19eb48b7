using Breadcrumb.Kafka.Broker.Log;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// Produce (0): validates each partition's batch and appends it as sent (the base offset, and for LogAppendTime
/// topics the timestamp, written in). acks 0, 1 and -1 are served alike, there being one copy; acks 0 gets no
/// answer, and an error then closes the connection so the producer notices, as Kafka does.
/// </summary>
internal sealed partial class ProduceHandler : ApiHandler<ProduceRequest, ProduceResponse>
{
    protected override ProduceResponse? Handle(RequestContext context, ProduceRequest request)
    {
        var response = new ProduceResponse();
        var failed = false;
        foreach (var topicData in request.TopicData)
        {
            var topicResult = new ProduceResponse.TopicResult { Name = topicData.Name };
            response.Responses.Add(topicResult);
            foreach (var partitionData in topicData.PartitionData)
            {
                var result = Append(context, request, topicData.Name, partitionData);
                failed |= result.ErrorCode != 0;
                topicResult.PartitionResponses.Add(result);
            }
        }

        if (request.Acks == 0)
        {
            return failed ? throw new ConnectionClosingException("An acks=0 produce failed; Kafka closes the connection so the producer notices.") : null;
        }

        return response;
    }

    private static ProduceResponse.PartitionResult Append(RequestContext context, ProduceRequest request, string topicName, ProduceRequest.PartitionBatches data)
    {
        var cluster = context.Cluster;
        var result = new ProduceResponse.PartitionResult { Index = data.Index, BaseOffset = -1 };
        if (request.Acks is not (0 or 1 or -1))
        {
            return Fail(result, ErrorCode.InvalidRequiredAcks, $"acks must be -1, 0 or 1 (was {request.Acks}).");
        }

        if (context.InjectedError(topicName, data.Index) is var injected && injected != ErrorCode.None)
        {
            return Fail(result, injected, $"Injected fault: {injected}.");
        }

        var topic = cluster.Topics.Find(topicName);
        var log = topic?.Partition(data.Index);
        if (topic is null || log is null)
        {
            return Fail(result, ErrorCode.UnknownTopicOrPartition, $"This server does not host this topic-partition: {topicName}-{data.Index}.");
        }

        var leader = topic.LeaderOf(data.Index);
        if (leader != context.Broker.NodeId)
        {
            result.CurrentLeader = new ProduceResponse.LeaderAndEpoch { LeaderId = leader, LeaderEpoch = log.LeaderEpoch };
            return Fail(result, ErrorCode.NotLeaderOrFollower, $"Broker {context.Broker.NodeId} does not lead {topicName}-{data.Index}; broker {leader} does.");
        }

        var records = data.Records.Single.Span;
        var config = topic.Config;
        var (error, message) = BatchValidator.Validate(records, config.MaxMessageBytes, config.Compact, out var info);
        if (error != ErrorCode.None)
        {
            result.LogStartOffset = log.LogStartOffset;
            return Fail(result, error, message);
        }

        if (info.IsTransactional && cluster.Transactions.CheckTransactionalBatch(info.ProducerId, info.ProducerEpoch, topic, data.Index) is var txnError && txnError != ErrorCode.None)
        {
            result.LogStartOffset = log.LogStartOffset;
            return Fail(result, txnError, $"Producer {info.ProducerId} epoch {info.ProducerEpoch} has no open transaction holding {topicName}-{data.Index}.");
        }

        var now = cluster.NowMs;
        log.EnforceRetention(now, config.RetentionMs, config.RetentionBytes);
        var appended = log.Append(records, info, now, config.LogAppendTime);
        result.LogStartOffset = appended.LogStartOffset;
        if (appended.Error != ErrorCode.None)
        {
            if (appended.Error == ErrorCode.PolicyViolation)
            {
                LogBudgetFull(cluster.Logger, appended.Message!);
            }

            return Fail(result, appended.Error, appended.Message);
        }

        result.BaseOffset = appended.BaseOffset;
        result.LogAppendTimeMs = appended.LogAppendTime;
        return result;
    }

    private static ProduceResponse.PartitionResult Fail(ProduceResponse.PartitionResult result, ErrorCode error, string? message)
    {
        result.ErrorCode = (short)error;
        result.ErrorMessage = message;
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogBudgetFull(ILogger logger, string message);
}
