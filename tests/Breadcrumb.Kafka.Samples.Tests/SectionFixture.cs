using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.Samples.Tests;

/// <summary>One faithful embedded broker for the section tests; each test gets a fresh 6-partition topic.</summary>
public class SectionFixture : EmbeddedKafkaFixture
{
    public SectionFixture()
        : base(new EmbeddedKafkaOptions { Fidelity = EmbeddedKafkaFidelity.Faithful })
    {
    }

    public SampleContext Context(string topic, int records = 1000) =>
        SampleContext.ForCluster(
            Cluster,
            new SampleSettings { Topic = topic, Records = records, Quick = true, IdleTimeout = TimeSpan.FromSeconds(1.5) },
            cancellationToken: TestContext.Current.CancellationToken);
}

/// <summary>The same on librdkafka's raw mock, which does not filter aborted transactions.</summary>
public sealed class RawMockFixture : EmbeddedKafkaFixture
{
    public RawMockFixture()
        : base(new EmbeddedKafkaOptions { Fidelity = EmbeddedKafkaFidelity.RawMock })
    {
    }
}
