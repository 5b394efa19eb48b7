using Breadcrumb.Kafka.IntegrationTests.Transactions;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>The reliability scenarios on a real Kafka (KAFKA_BOOTSTRAP_SERVERS, else Testcontainers); skipped with the reason when none is reachable.</summary>
public sealed class RealKafkaReliabilityScenarios(RealKafkaFixture fixture) : ReliabilityScenarios, IClassFixture<RealKafkaFixture>
{
    protected override Task<ScenarioBroker> CreateBrokerAsync(BrokerRequirement? requirement = null)
    {
        if (fixture.Connection is null)
        {
            Assert.Skip(fixture.UnavailableReason ?? "no real Kafka: set KAFKA_BOOTSTRAP_SERVERS or run Docker");
        }

        // A real broker is expected to meet every requirement: if it does not, the scenario fails, as it should.
        return Task.FromResult(new ScenarioBroker(fixture.Name, fixture.Connection, fixture.CreateTopicAsync));
    }
}
