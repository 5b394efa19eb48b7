namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>
/// The read_committed scenarios on the embedded broker. Each first probes the broker for what it needs and, when the
/// broker lacks it (librdkafka's mock, which the C# broker replaced, filtered no aborted records), skips with the probe's
/// finding; once the broker honours it, the same scenarios run and must pass.
/// </summary>
public sealed class EmbeddedReadCommittedScenarios(TransactionProbeFixture fixture) : ReadCommittedScenarios, IClassFixture<TransactionProbeFixture>
{
    protected override async Task<ScenarioBroker> CreateBrokerAsync(BrokerRequirement requirement)
    {
        var capability = await fixture.ProbeAsync(requirement);
        if (!capability.IsSupported)
        {
            Assert.Skip($"embedded broker: {capability}");
        }

        return new ScenarioBroker("embedded", fixture.Connection, partitions => Task.FromResult(fixture.CreateTopic(partitions, "scenario")));
    }
}
