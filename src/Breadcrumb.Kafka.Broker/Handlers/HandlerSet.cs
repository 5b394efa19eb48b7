namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Every API handler the broker serves; ApiVersions advertises exactly these.</summary>
internal static class HandlerSet
{
    public static IEnumerable<IApiHandler> Create() =>
    [
        new ApiVersionsHandler(),
        new MetadataHandler(),
        new ProduceHandler(),
        new FetchHandler(),
    ];
}
