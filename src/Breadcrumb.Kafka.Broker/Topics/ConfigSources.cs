namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>Maps where a value comes from to the protocol's config source numbers.</summary>
internal static class ConfigSources
{
    public const int TopicConfig = 1;
    public const int StaticBrokerConfig = 4;
    public const int DefaultConfig = 5;

    public static int ToProtocol(ConfigSource source) => source switch
    {
        ConfigSource.Topic => TopicConfig,
        ConfigSource.Cluster => StaticBrokerConfig,
        _ => DefaultConfig,
    };
}
