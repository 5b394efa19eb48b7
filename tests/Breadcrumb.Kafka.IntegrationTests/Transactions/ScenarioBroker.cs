namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>A broker a scenario runs on: where to connect and how to make a topic.</summary>
public sealed class ScenarioBroker(string name, KafkaConnection connection, Func<int, Task<string>> createTopic)
{
    public string Name { get; } = name;

    public KafkaConnection Connection { get; } = connection;

    /// <summary>Creates a fresh topic with the given partition count and returns its name.</summary>
    public Task<string> CreateTopicAsync(int partitions) => createTopic(partitions);

    public override string ToString() => Name;
}
