// A brand-new console app that installed Breadcrumb.Kafka and Breadcrumb.Kafka.Testing from a NuGet feed (issue 20):
// its own Order type, options from appsettings.json, a hosted handler, a poison order in the dead-letter topic.
// Prints "handled 9 of 10 orders" and "all checks passed" and exits 0 when every check passed, 1 otherwise.
using System.Text;
using Breadcrumb.Kafka.Consuming;
using Breadcrumb.Kafka.DependencyInjection;
using Breadcrumb.Kafka.Hosting;
using Breadcrumb.Kafka.Serialization;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var failures = new List<string>();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = timeout.Token;

// No Kafka installed: the embedded broker stands in for the cluster appsettings.json would name.
await using var cluster = EmbeddedKafkaCluster.Start();
cluster.CreateTopic("orders", partitions: 3);
cluster.CreateTopic("orders.dlq", partitions: 1);

var builder = Host.CreateApplicationBuilder(args);
var orders = KafkaSerdes.Json(OrderJsonContext.Default.Order);
builder.Services.AddSingleton<OrderLedger>();
builder.Services.AddBreadcrumbKafka(builder.Configuration.GetSection("Kafka"), kafka => kafka.Connection = cluster.Connection);
builder.Services.AddKafkaHandler<OrderHandler, string, Order>(
    handler => handler.ValueDeserializer = orders,
    builder.Configuration.GetSection("Orders"));
using var host = builder.Build();
await host.StartAsync(ct);

var factory = host.Services.GetRequiredService<BreadcrumbKafkaClientFactory>();
await using (var producer = factory.CreateProducer<string, Order>(p => p.ValueSerializer = orders))
{
    for (var id = 1; id <= 10; id++)
    {
        var order = new Order(id, "book", id == 7 ? -1m : 10m * id);   // order 7 is the poison record
        var report = await producer.SendAsync($"customer-{id % 3}", order, cancellationToken: ct);
        Check(report.IsDelivered, $"order {id} not delivered: {report.Error}");
    }
}

var service = host.Services.GetRequiredKeyedService<KafkaHandlerService<string, Order>>(typeof(OrderHandler).FullName);
var ledger = host.Services.GetRequiredService<OrderLedger>();
while ((ledger.Count < 9 || service.DeadLetteredCount < 1) && !ct.IsCancellationRequested)
{
    await Task.Delay(50, ct);
}

Console.WriteLine($"handled {ledger.Count} of 10 orders; dead-lettered {service.DeadLetteredCount}");
Check(ledger.Count == 9, $"handled {ledger.Count} orders, expected 9");

await using (var deadLetters = factory.CreateConsumer<string, byte[]>(c =>
{
    c.Topics.Add("orders.dlq");
    c.GroupId = "dlq-reader";
    c.AutoOffsetReset = AutoOffsetReset.Earliest;
}))
{
    var dead = await deadLetters.ConsumeAsync(ct);
    string Header(string name) => Encoding.UTF8.GetString(dead.Headers.GetLastBytes(name));
    Console.WriteLine($"dead letter: {Header(DeadLetterHeaders.Stage)} failed {Header(DeadLetterHeaders.Attempts)} times: {Header(DeadLetterHeaders.ExceptionMessage)}");
    Check(Header(DeadLetterHeaders.ExceptionMessage) == "order 7 has amount -1: nothing to charge", "the dead letter carries the handler's error");
    Check(Header(DeadLetterHeaders.Attempts) == "3", "one attempt and two retries (appsettings.json: RetryCount 2)");
}

await host.StopAsync(ct);
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
