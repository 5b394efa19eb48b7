using Breadcrumb.Kafka.Lab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Breadcrumb.Kafka.Tests.DependencyInjection;

public sealed class AddBreadcrumbKafkaTests
{
    [Fact]
    public void AddBreadcrumbKafka_ValidOptions_RegistersConnectionWithProperties()
    {
        using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(o =>
            {
                o.BootstrapServers = "broker1:9092,broker2:9092";
                o.Properties["client.id"] = "dashboard";
            })
            .BuildServiceProvider(validateScopes: true);

        var sut = provider.GetRequiredService<KafkaConnection>();

        sut.BootstrapServers.Should().Be("broker1:9092,broker2:9092");
        sut.Properties.Should().Contain("client.id", "dashboard");
        provider.GetRequiredService<BreadcrumbKafkaClientFactory>().Connection.Should().BeSameAs(sut);
    }

    [Fact]
    public void AddBreadcrumbKafka_ConfigFile_ReadsBootstrapAndSecurityFromIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"librdkafka-{Guid.NewGuid():N}.config");
        File.WriteAllText(path, "bootstrap.servers=pkc-1.us-west4.gcp.confluent.cloud:9092\nsecurity.protocol=SASL_SSL\n");
        try
        {
            using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.ConfigFile = path).BuildServiceProvider();

            var sut = provider.GetRequiredService<KafkaConnection>();

            sut.BootstrapServers.Should().Be("pkc-1.us-west4.gcp.confluent.cloud:9092");
            sut.Properties.Should().Contain("security.protocol", "SASL_SSL");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddBreadcrumbKafka_ReadyConnection_KeepsItsConsumerProperties()
    {
        var connection = KafkaConnection.FromBootstrapServers("127.0.0.1:39092").WithConsumerProperty("group.protocol", "consumer");
        using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.Connection = connection).BuildServiceProvider();

        var sut = provider.GetRequiredService<KafkaConnection>();

        sut.CreateConsumerConfig("g").Get("group.protocol").Should().Be("consumer");
    }

    [Fact]
    public void AddBreadcrumbKafka_LoggerFactoryInContainer_ConnectionLogsToIt()
    {
        using var loggerFactory = new NullLoggerFactory();
        using var provider = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(loggerFactory)
            .AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092")
            .BuildServiceProvider();

        provider.GetRequiredService<KafkaConnection>().LoggerFactory.Should().BeSameAs(loggerFactory);
    }

    [Fact]
    public void AddBreadcrumbKafka_NoLoggerFactory_ConnectionLogsNowhere()
    {
        using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092").BuildServiceProvider();

        provider.GetRequiredService<KafkaConnection>().LoggerFactory.Should().BeNull();
    }

    [Fact]
    public async Task CreateConsumer_RegisteredDefaults_FillTopicAndGroup()
    {
        using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(o =>
            {
                o.BootstrapServers = "localhost:9092";
                o.Topic = "breadcrumbs";
                o.GroupId = "dashboard";
            })
            .BuildServiceProvider();
        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        await using var consumer = sut.CreateConsumer(o => o.Name = "consumer0");

        consumer.Name.Should().Be("consumer0");
    }

    [Fact]
    public void CreateConsumer_NoTopicAnywhere_ErrorNamesConsumerOption()
    {
        using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092").BuildServiceProvider();
        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        var act = () => sut.CreateConsumer(o => o.GroupId = "g");

        act.Should().Throw<ArgumentException>().WithMessage("KeyFilteredConsumerOptions.Topic is not set*");
    }

    [Fact]
    public void CreateProducer_NoTopicAnywhere_ErrorNamesProducerOption()
    {
        using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092").BuildServiceProvider();
        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        var act = () => sut.CreateProducer(o => o.Name = "p");

        act.Should().Throw<ArgumentException>().WithMessage("BreadcrumbProducerOptions.Topic is empty*");
    }

    [Fact]
    public void CreateTransactionalProducer_NoTransactionalId_ErrorNamesTransactionalOption()
    {
        using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(o =>
            {
                o.BootstrapServers = "localhost:9092";
                o.Topic = "breadcrumbs";
            })
            .BuildServiceProvider();
        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        var act = () => sut.CreateTransactionalProducer(_ => { });

        act.Should().Throw<ArgumentException>().WithMessage("TransactionalBatchOptions.TransactionalId*");
    }

    [Fact]
    public void CreateTransactionalProducer_NoConfigure_Throws()
    {
        using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092").BuildServiceProvider();

        var act = () => provider.GetRequiredService<BreadcrumbKafkaClientFactory>().CreateTransactionalProducer(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
