using System.Text.Json;
using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.Samples.Tests;

public sealed class BrokerFileTests
{
    [Fact(Timeout = 30_000)]
    public async Task FindLiveAsync_LiveHost_ReturnsItsAddress()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broker-{Guid.NewGuid():N}.json");
        await using var cluster = EmbeddedKafkaCluster.Start();
        try
        {
            BrokerFile.Write(cluster.BootstrapServers, "t", path);

            var found = await BrokerFile.FindLiveAsync(path, TestContext.Current.CancellationToken);

            found.Should().Be(cluster.BootstrapServers);
        }
        finally
        {
            BrokerFile.Remove(path);
        }

        File.Exists(path).Should().BeFalse("the process that wrote the file removes it");
    }

    [Fact(Timeout = 30_000)]
    public async Task FindLiveAsync_DeadProcess_ReturnsNull()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broker-{Guid.NewGuid():N}.json");
        var stale = new { bootstrapServers = "127.0.0.1:9", processId = int.MaxValue - 7, topic = "t" };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(stale), TestContext.Current.CancellationToken);
        try
        {
            var found = await BrokerFile.FindLiveAsync(path, TestContext.Current.CancellationToken);

            found.Should().BeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
