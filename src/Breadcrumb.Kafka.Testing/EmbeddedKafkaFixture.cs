namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Shares one <see cref="EmbeddedKafkaCluster"/> across the tests of a class; each test asks for its own
/// fresh topic with <see cref="CreateTopic"/>, so tests never see each other's records.
/// </summary>
/// <remarks>
/// Test-framework neutral: xunit uses it as a class fixture (<c>IClassFixture&lt;EmbeddedKafkaFixture&gt;</c>)
/// through <see cref="IAsyncDisposable"/>; other frameworks create and dispose it around a class.
/// </remarks>
public class EmbeddedKafkaFixture : IAsyncDisposable
{
    private readonly Lazy<EmbeddedKafkaCluster> cluster;

    /// <summary>Initializes a new instance of the <see cref="EmbeddedKafkaFixture"/> class with default options.</summary>
    public EmbeddedKafkaFixture()
        : this(new EmbeddedKafkaOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EmbeddedKafkaFixture"/> class.</summary>
    /// <param name="options">The cluster options.</param>
    protected EmbeddedKafkaFixture(EmbeddedKafkaOptions options)
    {
        cluster = new Lazy<EmbeddedKafkaCluster>(() => EmbeddedKafkaCluster.Start(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the shared cluster, starting it on first use.</summary>
    public EmbeddedKafkaCluster Cluster => cluster.Value;

    /// <summary>Gets a connection to the shared cluster.</summary>
    public KafkaConnection Connection => Cluster.Connection;

    /// <summary>Creates a topic with a unique name for one test.</summary>
    /// <param name="partitions">The partition count; the lab uses 6.</param>
    /// <param name="prefix">A readable prefix for the name.</param>
    /// <returns>The new topic's name.</returns>
    public string CreateTopic(int partitions = 6, string prefix = "test")
    {
        var topic = $"{prefix}-{Guid.NewGuid():N}";
        Cluster.CreateTopic(topic, partitions);
        return topic;
    }

    /// <summary>Stops the shared cluster if it was started.</summary>
    /// <returns>A task that completes when the cluster has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (cluster.IsValueCreated)
        {
            await cluster.Value.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
