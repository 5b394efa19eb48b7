namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Every API handler the broker serves; ApiVersions advertises exactly these.</summary>
internal static class HandlerSet
{
    public static IEnumerable<IApiHandler> Create() =>
    [
        new ProduceHandler(),
        new FetchHandler(),
        new ListOffsetsHandler(),
        new MetadataHandler(),
        new ApiVersionsHandler(),
        new CreateTopicsHandler(),
        new DeleteTopicsHandler(),
        new DeleteRecordsHandler(),
        new InitProducerIdHandler(),
        new OffsetForLeaderEpochHandler(),
        new DescribeConfigsHandler(),
        new AlterConfigsHandler(),
        new DescribeLogDirsHandler(),
        new CreatePartitionsHandler(),
        new IncrementalAlterConfigsHandler(),
        new DescribeClusterHandler(),
        new DescribeProducersHandler(),
        new FindCoordinatorHandler(),
        new JoinGroupHandler(),
        new SyncGroupHandler(),
        new HeartbeatHandler(),
        new LeaveGroupHandler(),
        new OffsetCommitHandler(),
        new OffsetFetchHandler(),
        new DescribeGroupsHandler(),
        new ListGroupsHandler(),
        new DeleteGroupsHandler(),
        new OffsetDeleteHandler(),
        new ConsumerGroupHeartbeatHandler(),
        new ConsumerGroupDescribeHandler(),
        new AddPartitionsToTxnHandler(),
        new AddOffsetsToTxnHandler(),
        new EndTxnHandler(),
        new TxnOffsetCommitHandler(),
        new DescribeTransactionsHandler(),
        new ListTransactionsHandler(),
        new SaslHandshakeHandler(),
        new SaslAuthenticateHandler(),
    ];
}
