// A brand-new console app that installed Breadcrumb.Kafka.Lab (and so Breadcrumb.Kafka) and Breadcrumb.Kafka.Testing from a NuGet feed.
// Usage: dotnet run -- <count>. Prints "consumed N of N" and exits 0 when every check passed, 1 otherwise.
using System.Globalization;
using Breadcrumb.Kafka.DependencyInjection;
using Breadcrumb.Kafka.Flushing;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Microsoft.Extensions.DependencyInjection;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const string topic = "e2e-breadcrumbs";
var failures = new List<string>();

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

await using (var producer = kafka.CreateProducer(options =>
{
    options.KeyStrategy = KeyStrategy.Random1To5(seed: 42);
    options.FlushPolicy = FlushPolicy.EveryN(100);
}))
{
    var sent = await producer.ProduceAllAsync(BreadcrumbFile.Generate(count, seed: 1));
    Console.WriteLine($"produced {sent.Delivered} of {sent.Sent}");
    Check(sent.Delivered == count, $"producer delivered {sent.Delivered} of {count}");
}

await using var consumer = kafka.CreateConsumer(options =>
{
    LabPreset.Apply(options);   // the lab's defaults: a new group reads from the earliest offset
    options.StopAtEndOfPartitions = true;
});
var all = await consumer.RunAsync();
Console.WriteLine($"consumed {all.Total} of {count}");
Check(all.Total == count, $"consumer read {all.Total} of {count}");

var keyOne = await GettingStarted.FirstFilteredConsumerAsync(cluster.Connection, topic);
Check(keyOne.Total > 0 && keyOne.Total == all.PerKey.GetValueOrDefault("1") && keyOne.OrderHeld, $"key 1: {keyOne}");
Check(GettingStarted.FiltersAndFlushPoliciesBehave(), "the guide's filter and flush policy checks failed");

await using (var transactional = kafka.CreateTransactionalProducer(options =>
{
    options.TransactionalId = "e2e-transactions";
    options.BatchSize = 4;
    options.DecisionDelay = TimeSpan.Zero;
}))
{
    var run = await transactional.RunAsync(BreadcrumbFile.Generate(20, seed: 2), batchCount: 5);
    Check(run.CommittedRecords.Count == 20, $"transactions: {run}");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"FAILED: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "all checks passed" : $"{failures.Count} checks failed");
return failures.Count == 0 ? 0 : 1;

void Check(bool condition, string failure)
{
    if (!condition)
    {
        failures.Add(failure);
    }
}
