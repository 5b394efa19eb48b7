using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

// BreadcrumbProducer with nothing listening vs a MeterListener vs meter + ActivityListener (every send traced), and raw
// Confluent.Kafka (serializing each record with the same source-generated context), on one embedded cluster; variants alternate over rounds; medians and ratios at the end.
// Usage: [records] [rounds] (default 50000 5; 12 partitions keep each under the mock's 5 MiB).
var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
await using var cluster = EmbeddedKafkaCluster.Start();
var sample = BreadcrumbFile.Generate(1000, 42).ToArray();
var results = new Dictionary<string, List<double>>();
long measured = 0;

async Task<double> BreadcrumbAsync()
{
    var topic = $"bench-{Guid.NewGuid():N}";
    cluster.CreateTopic(topic, 12);
    var started = Stopwatch.GetTimestamp();
    await using (var producer = new BreadcrumbProducer(cluster.Connection, LabPreset.Apply(new BreadcrumbProducerOptions() { Topic = topic, KeyStrategy = KeyStrategy.Random1To5(1), ConfigureClient = c => c.LingerMs = 5 })))
    {
        for (var i = 0; i < records; i++)
        {
            producer.Send(sample[i % sample.Length]);
        }

        await producer.FlushAsync();
        if (producer.GetSummary().Delivered != records)
        {
            throw new InvalidOperationException("not every record was delivered");
        }
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    cluster.DeleteTopic(topic);
    return records / seconds;
}

double Raw()
{
    var topic = $"bench-{Guid.NewGuid():N}";
    cluster.CreateTopic(topic, 12);
    var config = cluster.Connection.CreateProducerConfig();
    config.Set("dotnet.producer.delivery.report.fields", "key,timestamp");
    config.Acks = Acks.All;
    config.EnableIdempotence = true;
    config.LingerMs = 5;
    var started = Stopwatch.GetTimestamp();
    var delivered = 0;
    using (var producer = new ProducerBuilder<byte[], byte[]>(config).Build())
    {
        var keys = Enumerable.Range(1, 5).Select(k => System.Text.Encoding.UTF8.GetBytes(k.ToString(CultureInfo.InvariantCulture))).ToArray();
        var random = new Random(1);
        for (var i = 0; i < records; i++)
        {
            producer.Produce(topic, new Message<byte[], byte[]> { Key = keys[random.Next(5)], Value = JsonSerializer.SerializeToUtf8Bytes(sample[i % sample.Length], BreadcrumbJsonContext.Default.BreadcrumbRecord) }, r =>
            {
                if (!r.Error.IsError)
                {
                    Interlocked.Increment(ref delivered);
                }
            });
        }

        producer.Flush(TimeSpan.FromMinutes(2));
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    cluster.DeleteTopic(topic);
    return delivered == records ? records / seconds : throw new InvalidOperationException("not every record was delivered");
}

MeterListener Meters()
{
    var listener = new MeterListener
    {
        InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == BreadcrumbDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(i);
            }
        },
    };
    listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref measured, v));
    listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
    listener.Start();
    return listener;
}

ActivityListener Traces()
{
    var listener = new ActivityListener
    {
        ShouldListenTo = s => s.Name == BreadcrumbDiagnostics.ActivitySourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };
    ActivitySource.AddActivityListener(listener);
    return listener;
}

void Add(string name, double rate) => (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(rate);

Console.WriteLine($"{records:N0} records per run, 12 partitions, acks=all, idempotence, linger.ms=5 for both clients; {rounds} rounds, {Environment.ProcessorCount} cores");
await BreadcrumbAsync();
Raw();
for (var round = 0; round < rounds; round++)
{
    Add("raw Confluent.Kafka Produce", Raw());
    Add("BreadcrumbProducer, nothing listening", await BreadcrumbAsync());
    using (Meters())
    {
        Add("BreadcrumbProducer, MeterListener on", await BreadcrumbAsync());
    }

    using (Meters())
    using (Traces())
    {
        Add("BreadcrumbProducer, meters + every send traced", await BreadcrumbAsync());
    }

    Console.WriteLine($"round {round + 1}: " + string.Join(", ", results.Select(r => $"{r.Value[^1]:N0}")));
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

var off = Median(results["BreadcrumbProducer, nothing listening"]);
var raw = Median(results["raw Confluent.Kafka Produce"]);
Console.WriteLine();
Console.WriteLine($"{"variant",-48} {"msg/s (median)",15} {"vs off",8} {"vs raw",8}");
foreach (var (name, rates) in results)
{
    var median = Median(rates);
    Console.WriteLine($"{name,-48} {median,15:N0} {median / off,8:F2} {median / raw,8:F2}");
}

Console.WriteLine($"measurements seen by the listeners: {measured:N0}");
return 0;
