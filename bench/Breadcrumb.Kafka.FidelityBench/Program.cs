// Produce and consume throughput through the fidelity layer vs the raw mock, same run, same cluster:
// the raw figures use the mock's own listeners (MockBootstrapServers), the layer's go through its proxies.
// Usage: dotnet run -c Release -- [records=100000] [rounds=3]
using System.Diagnostics;
using System.Globalization;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const int Partitions = 12;
const int ValueBytes = 300;
var value = new byte[ValueBytes];
Random.Shared.NextBytes(value);

await using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Fidelity = EmbeddedKafkaFidelity.Faithful });
var raw = KafkaConnection.FromBootstrapServers(cluster.MockBootstrapServers);
var layer = cluster.Connection;
Console.WriteLine($"{records:N0} records of {ValueBytes} B, {Partitions} partitions, {rounds} rounds, {Environment.ProcessorCount} cores");

var results = new Dictionary<string, List<double>>();
for (var round = 0; round < rounds; round++)
{
    // Alternate which goes first, so neither always runs on a warmer or busier machine.
    var order = round % 2 == 0 ? new[] { ("raw", raw), ("layer", layer) } : [("layer", layer), ("raw", raw)];
    foreach (var (name, connection) in order)
    {
        var topic = $"bench-{name}-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, Partitions);
        cluster.ThrowIfRunExceedsRetention(topic, 0, records / Partitions, ValueBytes + 70);
        Add($"produce {name}", records / Produce(connection, topic));
        Add($"consume {name}", records / Consume(connection, topic, IsolationLevel.ReadUncommitted));
        Add($"consume read_committed {name}", records / Consume(connection, topic, IsolationLevel.ReadCommitted));
        await cluster.AssertNothingDroppedAsync(topic);
        cluster.DeleteTopic(topic);
    }
}

foreach (var (op, _) in new[] { ("produce", 0), ("consume", 0), ("consume read_committed", 0) })
{
    var r = Median(results[$"{op} raw"]);
    var l = Median(results[$"{op} layer"]);
    Console.WriteLine($"{op,-24} raw runs {string.Join(" ", results[$"{op} raw"].Select(x => x.ToString("N0", CultureInfo.InvariantCulture)))} | layer runs {string.Join(" ", results[$"{op} layer"].Select(x => x.ToString("N0", CultureInfo.InvariantCulture)))}");
    Console.WriteLine($"{op,-24} raw {r,12:N0} msg/s   layer {l,12:N0} msg/s   ratio {l / r:F2}");
}

Console.WriteLine($"layer problems: {cluster.FidelityProblems.Count}");
return 0;

void Add(string key, double rate)
{
    if (!results.TryGetValue(key, out var list))
    {
        results[key] = list = [];
    }

    list.Add(rate);
}

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

double Produce(KafkaConnection connection, string topic)
{
    var config = connection.CreateProducerConfig();
    config.Acks = Acks.All;
    config.EnableIdempotence = true;
    config.LingerMs = 5;
    using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
    var failed = 0;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < records; i++)
    {
        while (true)
        {
            try
            {
                producer.Produce(new TopicPartition(topic, i % Partitions), new Message<Null, byte[]> { Value = value }, r =>
                {
                    if (r.Error.IsError)
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
                break;
            }
            catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    producer.Flush(TimeSpan.FromMinutes(2));
    var seconds = sw.Elapsed.TotalSeconds;
    return failed == 0 ? seconds : throw new InvalidOperationException($"{failed} deliveries failed");
}

double Consume(KafkaConnection connection, string topic, IsolationLevel isolation)
{
    var config = connection.CreateConsumerConfig($"bench-{Guid.NewGuid():N}");
    config.IsolationLevel = isolation;
    config.EnableAutoCommit = false;
    using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
    consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
    var sw = Stopwatch.StartNew();
    var count = 0;
    while (count < records)
    {
        if (consumer.Consume(TimeSpan.FromSeconds(30)) is null)
        {
            throw new TimeoutException($"consumed only {count} of {records}");
        }

        count++;
    }

    return sw.Elapsed.TotalSeconds;
}
