// A brand-new console app that installed Breadcrumb.Kafka and Breadcrumb.Kafka.Testing from a NuGet feed.
// Usage: dotnet run -- <count>. Prints "consumed N of N" and exits 0 when every record came back, 1 otherwise.
using System.Globalization;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Testing;
using Microsoft.Extensions.DependencyInjection;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const string topic = "e2e-breadcrumbs";

await using var cluster = EmbeddedKafkaCluster.Start();
cluster.CreateTopic(topic, partitions: 6);
Console.WriteLine($"embedded Kafka at {cluster.BootstrapServers}");

var services = new ServiceCollection().AddBreadcrumbKafka(options =>
{
    options.Connection = cluster.Connection;
    options.Topic = topic;
    options.GroupId = "e2e";
});
await using var provider = services.BuildServiceProvider(validateScopes: true);
var kafka = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

await using (var producer = kafka.CreateTransactionalProducer(options =>
{
    options.TransactionalId = "e2e-producer";
    options.BatchSize = 10;
    options.DecisionDelay = TimeSpan.Zero;
}))
{
    var run = await producer.RunAsync(BreadcrumbFile.Generate(count, seed: 1), batchCount: count / 10);
    Console.WriteLine($"produced {run.CommittedRecords.Count} records in {run.CommittedBatches} committed transactions");
}

await using var consumer = kafka.CreateConsumer(options => options.StopAtEndOfPartitions = true);
var summary = await consumer.RunAsync();
Console.WriteLine($"consumed {summary.Total} of {count}");
return summary.Total == count ? 0 : 1;
