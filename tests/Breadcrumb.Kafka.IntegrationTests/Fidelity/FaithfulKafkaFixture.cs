using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Fidelity;

/// <summary>An embedded cluster with the fidelity layer, whatever the default becomes.</summary>
public sealed class FaithfulKafkaFixture() : EmbeddedKafkaFixture(new EmbeddedKafkaOptions { Fidelity = EmbeddedKafkaFidelity.Faithful });

/// <summary>An embedded cluster with clients on the raw mock, for the assumption tests.</summary>
public sealed class RawMockKafkaFixture() : EmbeddedKafkaFixture(new EmbeddedKafkaOptions { Fidelity = EmbeddedKafkaFidelity.RawMock });
