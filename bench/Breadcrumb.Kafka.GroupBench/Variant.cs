using System.Globalization;
using Confluent.Kafka;

/// <summary>
/// One client and group protocol under test. Only what selects the protocol is set (and, for the tweaked rows, the
/// heartbeat interval or kafkajs's fetch wait); everything else is the client's default.
/// </summary>
/// <param name="Name">The row's name in the table.</param>
/// <param name="Client"><c>confluent</c> (Confluent.Kafka / librdkafka) or <c>kafkajs</c>.</param>
/// <param name="Protocol"><c>eager</c> (classic, librdkafka's default range,roundrobin), <c>cooperative</c> (classic, cooperative-sticky) or <c>consumer</c> (KIP-848).</param>
/// <param name="HeartbeatMs">heartbeat.interval.ms / heartbeatInterval, or null for the client's default (3 s).</param>
/// <param name="MaxWaitMs">kafkajs's maxWaitTimeInMs, or null for its default (5 s).</param>
internal sealed record Variant(string Name, string Client, string Protocol, int? HeartbeatMs = null, int? MaxWaitMs = null)
{
    public bool IsKafkaJs => Client == "kafkajs";

    public bool IsTweaked => HeartbeatMs is not null || MaxWaitMs is not null;

    /// <summary>The rows of the bench: the clients' defaults first, then the classic ones with a 100 ms heartbeat.</summary>
    public static IReadOnlyList<Variant> All { get; } =
    [
        new("Confluent.Kafka classic eager (range, default)", "confluent", "eager"),
        new("Confluent.Kafka classic cooperative-sticky", "confluent", "cooperative"),
        new("Confluent.Kafka group.protocol=consumer (KIP-848)", "confluent", "consumer"),
        new("kafkajs 2.2.4 classic (default)", "kafkajs", "eager"),
        new("Confluent.Kafka classic eager, heartbeat.interval.ms=100", "confluent", "eager", 100),
        new("Confluent.Kafka classic cooperative-sticky, heartbeat.interval.ms=100", "confluent", "cooperative", 100),
        new("kafkajs classic, heartbeatInterval=100", "kafkajs", "eager", 100),
        new("kafkajs classic, heartbeatInterval=100 + maxWaitTimeInMs=100", "kafkajs", "eager", 100, 100),
    ];

    /// <summary>Gets or sets librdkafka debug contexts (the bench's <c>--debug=</c>) for a diagnosis run: log lines only, no behaviour.</summary>
    public static string? Debug { get; set; }

    public ConsumerConfig ConsumerConfig(string bootstrapServers, string groupId)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = groupId, AutoOffsetReset = AutoOffsetReset.Earliest, Debug = Debug };
        switch (Protocol)
        {
            case "cooperative":
                config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
                break;
            case "consumer":
                config.GroupProtocol = GroupProtocol.Consumer;
                break;
        }

        if (HeartbeatMs is { } heartbeat)
        {
            config.HeartbeatIntervalMs = heartbeat;
        }

        return config;
    }

    /// <summary>The arguments of a child process running this variant's member: see <see cref="MemberMode"/>.</summary>
    public IEnumerable<string> ChildArguments => [Protocol, (HeartbeatMs ?? 0).ToString(CultureInfo.InvariantCulture)];

    public static Variant FromChildArguments(string protocol, string heartbeat) =>
        new("child", "confluent", protocol, int.Parse(heartbeat, CultureInfo.InvariantCulture) is > 0 and var ms ? ms : null);
}
