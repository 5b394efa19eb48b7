using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability.Support;

/// <summary>A three-broker embedded cluster (partitions led by different brokers), for broker-down scenarios.</summary>
public sealed class ThreeBrokerKafkaFixture() : EmbeddedKafkaFixture(new EmbeddedKafkaOptions { BrokerCount = 3 });
