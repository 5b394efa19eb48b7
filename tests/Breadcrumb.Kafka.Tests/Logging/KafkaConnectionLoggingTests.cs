using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Logging;

public sealed class KafkaConnectionLoggingTests
{
    // Nothing listens on port 1 of the loopback: librdkafka gets "connection refused" at once and reports it.
    private const string Unreachable = "127.0.0.1:1";

    [Fact]
    public void WithLoggerFactory_ThenWithProperty_KeepsFactoryAndProperties()
    {
        using var loggerFactory = new RecordingLoggerFactory();

        var sut = KafkaConnection.FromBootstrapServers(Unreachable).WithConsumerProperty("group.protocol", "consumer")
            .WithLoggerFactory(loggerFactory).WithProperty("client.id", "x");

        sut.LoggerFactory.Should().BeSameAs(loggerFactory);
        sut.Properties.Should().Contain("client.id", "x");
        sut.ConsumerProperties.Should().Contain("group.protocol", "consumer");
    }

    [Fact(Timeout = 60_000)]
    public async Task BreadcrumbProducer_ConnectionWithLoggerFactory_ClientErrorsReachProducerCategory()
    {
        using var loggerFactory = new RecordingLoggerFactory();
        var connection = KafkaConnection.FromBootstrapServers(Unreachable).WithLoggerFactory(loggerFactory);

        await using var sut = new BreadcrumbProducer(connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = "logging", FlushPolicy = FlushPolicy.Never }));

        var logger = (RecordingLogger)loggerFactory.CreateLogger(typeof(BreadcrumbProducer).FullName!);
        var entry = await logger.FirstError.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        entry.Message.Should().Contain(Unreachable);
    }
}
