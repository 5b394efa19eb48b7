using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

// Smoke run until the lab runner lands: embedded broker, 1000 records produced and consumed.
await using var cluster = EmbeddedKafkaCluster.Start();
const string topic = "wk3-separate-topic";
cluster.CreateTopic(topic, 6);
Console.WriteLine($"Embedded Kafka at {cluster.BootstrapServers}");

using (var producer = new ProducerBuilder<string, string>(cluster.Connection.CreateProducerConfig()).Build())
{
    for (var i = 0; i < 1000; i++)
    {
        producer.Produce(topic, new Message<string, string> { Key = null!, Value = $"{{\"n\":{i}}}" });
    }

    producer.Flush(TimeSpan.FromSeconds(30));
}

var config = cluster.Connection.CreateConsumerConfig("smoke");
config.AutoOffsetReset = AutoOffsetReset.Earliest;
using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
consumer.Subscribe(topic);
var consumed = 0;
var deadline = DateTime.UtcNow.AddSeconds(30);
while (consumed < 1000 && DateTime.UtcNow < deadline)
{
    if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not null)
    {
        consumed++;
    }
}

consumer.Close();
Console.WriteLine($"produced 1000, consumed {consumed}");
return consumed == 1000 ? 0 : 1;
