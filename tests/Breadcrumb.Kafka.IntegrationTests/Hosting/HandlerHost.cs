using System.Text.Json;
using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Breadcrumb.Kafka.IntegrationTests.Hosting;

/// <summary>Builds hosts with a hosted handler on the embedded broker, sends orders, and waits on conditions.</summary>
internal static class HandlerHost
{
    public static readonly KafkaSerde<Order> Orders = KafkaSerdes.Json(OrderJsonContext.Default.Order);

    public static IHost Build<THandler>(
        EmbeddedKafkaFixture fixture, OrderSink sink, string topic, string group, Action<KafkaConsumerOptions<string, Order>>? configure = null, bool batch = false)
        where THandler : class
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(sink);
        builder.Services.AddBreadcrumbKafka(o => o.Connection = fixture.Connection);
        void Configure(KafkaConsumerOptions<string, Order> o)
        {
            o.Topics.Add(topic);
            o.GroupId = group;
            o.AutoOffsetReset = AutoOffsetReset.Earliest;
            o.ValueDeserializer = Orders;
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(o);
        }

        if (batch)
        {
            builder.Services.AddKafkaBatchHandler<OrderBatchHandler, string, Order>(Configure);
        }
        else
        {
            builder.Services.AddKafkaHandler<OrderHandler, string, Order>(Configure);
        }

        return builder.Build();
    }

    public static async Task SendAsync(EmbeddedKafkaFixture fixture, string topic, IEnumerable<object> values, CancellationToken cancellationToken)
    {
        await using var producer = new KafkaProducer<string, string>(fixture.Connection, new KafkaProducerOptions<string, string> { Topic = topic });
        foreach (var value in values)
        {
            var json = value as string ?? JsonSerializer.Serialize((Order)value, OrderJsonContext.Default.Order);
            var report = await producer.SendAsync("k", json, cancellationToken: cancellationToken);
            report.IsDelivered.Should().BeTrue(report.Error?.Reason);
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<List<KafkaRecord<byte[], byte[]>>> ReadAllAsync(EmbeddedKafkaFixture fixture, string topic, int count, CancellationToken cancellationToken)
    {
        var options = new KafkaConsumerOptions<byte[], byte[]> { GroupId = $"reader-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest };
        options.Topics.Add(topic);
        await using var consumer = new KafkaConsumer<byte[], byte[]>(fixture.Connection, options);
        var read = new List<KafkaRecord<byte[], byte[]>>();
        while (read.Count < count)
        {
            read.AddRange(await consumer.ConsumeBatchAsync(count - read.Count, TimeSpan.FromMilliseconds(500), cancellationToken));
        }

        return read;
    }
}
