using Breadcrumb.Kafka.IntegrationTests.Transactions;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>The reliability scenarios on the embedded broker; a scenario needing a capability the broker lacks skips with the probe's finding.</summary>
public sealed class EmbeddedReliabilityScenarios(TransactionProbeFixture fixture) : ReliabilityScenarios, IClassFixture<TransactionProbeFixture>
{
    protected override async Task<ScenarioBroker> CreateBrokerAsync(BrokerRequirement? requirement = null)
    {
        if (requirement is { } needed && await fixture.ProbeAsync(needed) is { IsSupported: false } capability)
        {
            Assert.Skip($"embedded broker: {capability}");
        }

        return new ScenarioBroker("embedded", fixture.Connection, partitions => Task.FromResult(fixture.CreateTopic(partitions, "reliability")));
    }
}
