using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>What the layer remembers of a request until its response passes, to follow or rewrite it.</summary>
/// <param name="ApiKey">The request kind.</param>
/// <param name="ApiVersion">Its version, which fixes the response layout.</param>
internal abstract record PendingRequest(short ApiKey, short ApiVersion);

/// <summary>A Produce request: what it carried per partition.</summary>
internal sealed record PendingProduce(short ApiVersion, List<ProducedPartition> Partitions)
    : PendingRequest((short)KafkaApiKey.Produce, ApiVersion);

/// <summary>A read_committed Fetch request.</summary>
internal sealed record PendingFetch(short ApiVersion, int MaxWaitMs)
    : PendingRequest((short)KafkaApiKey.Fetch, ApiVersion);

/// <summary>A read_committed ListOffsets request and the partitions it asked the latest offset of.</summary>
internal sealed record PendingListOffsets(short ApiVersion, HashSet<(string Topic, int Partition)> LatestAsked)
    : PendingRequest((short)KafkaApiKey.ListOffsets, ApiVersion);

/// <summary>An EndTxn request: which producer commits or aborts.</summary>
internal sealed record PendingEndTxn(short ApiVersion, long ProducerId, bool Committed)
    : PendingRequest((short)KafkaApiKey.EndTxn, ApiVersion);

/// <summary>A Metadata request: its answer gets a controller when the mock names none.</summary>
internal sealed record PendingMetadata(short ApiVersion)
    : PendingRequest((short)KafkaApiKey.Metadata, ApiVersion);

/// <summary>An ApiVersions request: its answer also lists the admin APIs the layer answers.</summary>
internal sealed record PendingApiVersions(short ApiVersion)
    : PendingRequest((short)KafkaApiKey.ApiVersions, ApiVersion);

/// <summary>
/// An admin request the layer answered itself through the mock's API. A cheap ApiVersions request goes to the mock
/// in its place, so the answer keeps its place among the connection's responses.
/// </summary>
internal sealed record PendingLocalAnswer(short ApiKey, short ApiVersion, ReadOnlyMemory<byte> Body)
    : PendingRequest(ApiKey, ApiVersion);
