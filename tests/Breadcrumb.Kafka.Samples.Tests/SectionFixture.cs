using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.Samples.Tests;

/// <summary>One embedded broker for the section tests; each test gets a fresh 6-partition topic.</summary>
public class SectionFixture : EmbeddedKafkaFixture
{

    public SampleContext Context(string topic, int records = 1000) =>
        SampleContext.ForCluster(
            Cluster,
            new SampleSettings { Topic = topic, Records = records, Quick = true, IdleTimeout = TimeSpan.FromSeconds(1.5) },
            cancellationToken: TestContext.Current.CancellationToken);
}
