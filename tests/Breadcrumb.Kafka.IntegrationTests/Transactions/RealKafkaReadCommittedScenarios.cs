namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>The read_committed scenarios on a real Kafka broker; skipped with the reason when none is reachable.</summary>
public sealed class RealKafkaReadCommittedScenarios(RealKafkaFixture fixture) : ReadCommittedScenarios, IClassFixture<RealKafkaFixture>
{
    protected override Task<ScenarioBroker> CreateBrokerAsync(BrokerRequirement requirement)
    {
        if (fixture.Connection is null)
        {
            Assert.Skip(fixture.UnavailableReason ?? "no real Kafka: set KAFKA_BOOTSTRAP_SERVERS or run Docker");
        }

        // A real broker is expected to meet every requirement: if it does not, the scenario fails, as it should.
        return Task.FromResult(new ScenarioBroker(fixture.Name, fixture.Connection, fixture.CreateTopicAsync));
    }
}
