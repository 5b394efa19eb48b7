// A brand-new console app that installed Breadcrumb.Kafka and Breadcrumb.Kafka.Testing from a NuGet feed.
// Usage: dotnet run -- <count>. Prints "consumed N of N" and exits 0 when every record came back, 1 otherwise.
using System.Text.Json;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
const string topic = "e2e-breadcrumbs";

await using var cluster = EmbeddedKafkaCluster.Start();
cluster.CreateTopic(topic, partitions: 6);
Console.WriteLine($"embedded Kafka at {cluster.BootstrapServers}");

using (var producer = new ProducerBuilder<string, byte[]>(cluster.Connection.CreateProducerConfig()).Build())
{
    for (var i = 0; i < count; i++)
    {
        var record = new BreadcrumbRecord { EventNoTrip = "913" + i, VehicleId = (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var value = JsonSerializer.SerializeToUtf8Bytes(record, BreadcrumbJsonContext.Default.BreadcrumbRecord);
        producer.Produce(topic, new Message<string, byte[]> { Key = record.VehicleId, Value = value });
    }

    producer.Flush(TimeSpan.FromSeconds(30));
}

var config = cluster.Connection.CreateConsumerConfig("e2e");
config.AutoOffsetReset = AutoOffsetReset.Earliest;
using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
consumer.Subscribe(topic);
var consumed = 0;
var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
while (consumed < count && DateTimeOffset.UtcNow < deadline)
{
    if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result
        && JsonSerializer.Deserialize(result.Message.Value, BreadcrumbJsonContext.Default.BreadcrumbRecord) is { EventNoTrip.Length: > 0 })
    {
        consumed++;
    }
}

consumer.Close();
Console.WriteLine($"consumed {consumed} of {count}");
return consumed == count ? 0 : 1;
