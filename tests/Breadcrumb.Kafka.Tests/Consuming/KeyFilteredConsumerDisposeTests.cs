using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Consuming;

public sealed class KeyFilteredConsumerDisposeTests
{
    [Fact(Timeout = 10_000)]
    public async Task DisposeAsync_Twice_SecondCallIsHarmless_Issue20()
    {
        var sut = new KeyFilteredConsumer(
            KafkaConnection.FromBootstrapServers("localhost:9092"),
            LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "breadcrumbs", GroupId = "g" }));
        await sut.DisposeAsync();

        var again = async () => await sut.DisposeAsync();

        await again.Should().NotThrowAsync();
    }
}
