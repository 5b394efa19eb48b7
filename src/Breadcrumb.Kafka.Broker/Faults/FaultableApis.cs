using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Faults;

/// <summary>Which APIs take injected errors per partition, and the error answer of the others (the request-level error code).</summary>
internal static class FaultableApis
{
    public static readonly IReadOnlySet<KafkaApiKey> PartitionAware = new HashSet<KafkaApiKey>
    {
        KafkaApiKey.Produce, KafkaApiKey.Fetch, KafkaApiKey.ListOffsets, KafkaApiKey.OffsetCommit, KafkaApiKey.TxnOffsetCommit,
        KafkaApiKey.DeleteRecords, KafkaApiKey.OffsetForLeaderEpoch, KafkaApiKey.AddPartitionsToTxn,
    };

    public static bool HasRequestError(KafkaApiKey api) =>
        ApiCatalog.All.FirstOrDefault(a => a.Key == (short)api) is { } descriptor && descriptor.CreateResponse().GetType().GetProperty("ErrorCode") is not null;

    /// <summary>Builds the answer "this request failed with <paramref name="error"/>" for an API with a request-level error code.</summary>
    public static IKafkaMessage ErrorResponse(ApiDescriptor api, ErrorCode error)
    {
        var response = api.CreateResponse();
        response.GetType().GetProperty("ErrorCode")!.SetValue(response, (short)error);
        return response;
    }
}
