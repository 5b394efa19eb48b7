using System.Collections.Concurrent;
using Breadcrumb.Kafka.IntegrationTests.Support;

namespace Breadcrumb.Kafka.IntegrationTests.Hosting;

/// <summary>What the handlers under test saw, shared with the test (a singleton in the host).</summary>
public sealed class OrderSink
{
    private readonly ConcurrentDictionary<int, int> attempts = new();

    public ConcurrentQueue<KafkaRecord<string, Order>> Handled { get; } = new();

    /// <summary>Gets or sets how many times a record with a given id fails before it succeeds (int.MaxValue: always).</summary>
    public int FailuresPerPoisonRecord { get; set; } = int.MaxValue;

    public int AttemptsOf(int id) => attempts.GetValueOrDefault(id);

    public void Handle(KafkaRecord<string, Order> record)
    {
        var attempt = attempts.AddOrUpdate(record.Value!.Id, 1, (_, n) => n + 1);
        if (record.Value.Poison && attempt <= FailuresPerPoisonRecord)
        {
            throw new InvalidOperationException($"order {record.Value.Id} is poison (attempt {attempt})");
        }

        Handled.Enqueue(record);
    }
}

/// <summary>A record handler as a user writes one: scoped, takes its dependencies from DI.</summary>
public sealed class OrderHandler(OrderSink sink) : IRecordHandler<string, Order>
{
    public ValueTask HandleAsync(KafkaRecord<string, Order> record, CancellationToken cancellationToken)
    {
        sink.Handle(record);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A batch handler: records the batch sizes too.</summary>
public sealed class OrderBatchHandler(OrderSink sink) : IBatchHandler<string, Order>
{
    public static ConcurrentQueue<int> BatchSizes { get; } = new();

    public ValueTask HandleAsync(IReadOnlyList<KafkaRecord<string, Order>> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            sink.Handle(record);
        }

        return ValueTask.CompletedTask;
    }
}
