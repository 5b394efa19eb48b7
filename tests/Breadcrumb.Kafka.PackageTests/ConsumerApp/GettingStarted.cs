// The code of docs/getting-started.md, compiled here against the packed NuGet packages so the guide cannot drift
// from the real API. Keep each region in step with its section of the guide.
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.DependencyInjection;
using Breadcrumb.Kafka.Flushing;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Producing;
using Breadcrumb.Kafka.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

internal static class GettingStarted
{
    // "Connect"
    public static KafkaConnection ConnectLocal() => KafkaConnection.FromBootstrapServers("localhost:9092");

    // "Connect": Confluent Cloud's librdkafka.config, with librdkafka's logs sent to your ILogger
    public static KafkaConnection ConnectWithConfigFile(string path, ILoggerFactory loggerFactory) =>
        KafkaConnection.FromConfigFile(path).WithLoggerFactory(loggerFactory);

    // "Your first producer"
    public static async Task<ProduceRunSummary> FirstProducerAsync(KafkaConnection connection, string topic, int count)
    {
        await using var producer = new BreadcrumbProducer(connection, new BreadcrumbProducerOptions
        {
            Topic = topic,
            KeyStrategy = KeyStrategy.Random1To5(seed: 42), // keys "1".."5", as in the lab's section F
            FlushPolicy = FlushPolicy.EveryN(100),
        });

        var summary = await producer.ProduceAllAsync(BreadcrumbFile.Generate(count, seed: 1));
        Console.WriteLine($"{summary.Delivered} of {summary.Sent} delivered, {summary.Failed} failed");
        return summary;
    }

    // "Your first producer": one record, awaiting its delivery report
    public static async Task<DeliveryReport<string?>> SendOneAsync(KafkaConnection connection, string topic)
    {
        await using var producer = new BreadcrumbProducer(connection, new BreadcrumbProducerOptions { Topic = topic });
        var report = await producer.SendAsync(new BreadcrumbRecord { EventNoTrip = "913", VehicleId = "1776" });
        Console.WriteLine($"stored in partition {report.Partition} at offset {report.Offset}");
        return report;
    }

    // "Your first filtered consumer"
    public static async Task<ConsumeResultSummary> FirstFilteredConsumerAsync(KafkaConnection connection, string topic)
    {
        await using var consumer = new KeyFilteredConsumer(connection, LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = topic,
            GroupId = "key-1-reader",
            Filter = RecordFilter.Key("1"),
            StopAtEndOfPartitions = true,
        }));

        var summary = await consumer.RunAsync();
        Console.WriteLine(summary.Message ?? $"{summary.Total} records with key 1 (of {summary.Received}), order held: {summary.OrderHeld}");
        return summary;
    }

    // "Test your filters and flush policies with no broker" (the guide writes these checks as xunit asserts)
    public static bool FiltersAndFlushPoliciesBehave()
    {
        var filter = RecordFilter.Keys("1", "2").And(RecordFilter.WhereRecord(r => r.VehicleId == "1776", "vehicle 1776"));
        var keeps = filter.Matches(new RecordFilterInput("1", partition: 0, new BreadcrumbRecord { VehicleId = "1776" }));
        var skipsOtherKey = !filter.Matches(new RecordFilterInput("3", partition: 0, new BreadcrumbRecord { VehicleId = "1776" }));
        var skipsOtherVehicle = !filter.Matches(new RecordFilterInput("1", partition: 0, new BreadcrumbRecord { VehicleId = "2001" }));

        var policy = FlushPolicy.EveryN(15).Or(FlushPolicy.AfterDelay(TimeSpan.FromSeconds(2)));
        var flushesAt15 = policy.ShouldFlush(new FlushState(SentSinceLastFlush: 15, SinceLastFlush: TimeSpan.FromMilliseconds(300)));
        var waitsAt3 = !policy.ShouldFlush(new FlushState(SentSinceLastFlush: 3, SinceLastFlush: TimeSpan.FromMilliseconds(300)));
        var flushesAfter2s = policy.ShouldFlush(new FlushState(SentSinceLastFlush: 3, SinceLastFlush: TimeSpan.FromSeconds(2)));

        return keeps && skipsOtherKey && skipsOtherVehicle && flushesAt15 && waitsAt3 && flushesAfter2s;
    }

    // "Dependency injection"
    public static IServiceCollection Register(IServiceCollection services) =>
        services.AddBreadcrumbKafka(options =>
        {
            options.BootstrapServers = "localhost:9092";
            options.Topic = "breadcrumbs";
            options.GroupId = "dashboard";
            options.Properties["client.id"] = "dashboard";
        });

    // "Dependency injection": from appsettings.json
    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddBreadcrumbKafka(configuration.GetSection("Kafka"));

    // "Embedded Kafka in your tests"
    public static async Task<long> EmbeddedRoundTripAsync()
    {
        await using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("breadcrumbs", partitions: 6);

        await FirstProducerAsync(cluster.Connection, "breadcrumbs", count: 100);
        var summary = await FirstFilteredConsumerAsync(cluster.Connection, "breadcrumbs");
        return summary.Received;
    }
}

// The lab package README (src/Breadcrumb.Kafka.Lab/README.md), compiled only: it reads bcsample.json from a real cluster.
internal static class Readme
{
    public static async Task ProduceAndConsumeAsync()
    {
        var connection = KafkaConnection.FromBootstrapServers("localhost:9092");

        await using (var producer = new BreadcrumbProducer(connection, new BreadcrumbProducerOptions
        {
            Topic = "breadcrumbs",
            KeyStrategy = KeyStrategy.Random1To5(seed: 42),
            FlushPolicy = FlushPolicy.EveryN(100),
        }))
        {
            var sent = await producer.ProduceAllAsync(BreadcrumbFile.ReadAsync("bcsample.json"));
            Console.WriteLine($"{sent.Delivered} of {sent.Sent} delivered");
        }

        await using var consumer = new KeyFilteredConsumer(connection, LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = "breadcrumbs",
            GroupId = "key-1-reader",
            Filter = RecordFilter.Key("1"),
            StopAtEndOfPartitions = true,
        }));
        var summary = await consumer.RunAsync();
        Console.WriteLine($"{summary.Total} records with key 1, order held: {summary.OrderHeld}");
    }

    public static async Task DependencyInjectionAsync(IServiceCollection services, IConfiguration configuration)
    {
        services.AddBreadcrumbKafka(options =>
        {
            options.BootstrapServers = "localhost:9092";
            options.Topic = "breadcrumbs";
            options.GroupId = "dashboard";
        });
        _ = new ServiceCollection().AddBreadcrumbKafka(configuration.GetSection("Kafka"));

        await using var provider = services.BuildServiceProvider();
        var kafka = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();
        await using var producer = kafka.CreateProducer(o => o.Name = "forwarder");
    }

    // src/Breadcrumb.Kafka.Testing/README.md
    public static async Task EmbeddedAsync()
    {
        await using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("orders", partitions: 6);
        using var producer = new Confluent.Kafka.ProducerBuilder<string, string>(cluster.Connection.CreateProducerConfig()).Build();
        await producer.ProduceAsync("orders", new Confluent.Kafka.Message<string, string> { Key = "1", Value = "hello" });
        var consumerConfig = cluster.Connection.CreateConsumerConfig(groupId: "billing");
        consumerConfig.AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest;
    }
}

// "Dependency injection": a service that takes the factory
internal sealed class BreadcrumbForwarder(BreadcrumbKafkaClientFactory kafka)
{
    public async Task<long> ForwardAsync(IAsyncEnumerable<BreadcrumbRecord> records, CancellationToken cancellationToken)
    {
        await using var producer = kafka.CreateProducer(options => options.Name = "forwarder");
        var summary = await producer.ProduceAllAsync(records, cancellationToken);
        return summary.Delivered;
    }

    public async Task<long> CountKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var consumer = kafka.CreateConsumer(options =>
        {
            LabPreset.Apply(options);
            options.Filter = RecordFilter.Key(key);
            options.StopAtEndOfPartitions = true;
        });
        var summary = await consumer.RunAsync(cancellationToken);
        return summary.Total;
    }
}
