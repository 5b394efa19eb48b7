// docs/getting-started.md, "Handle records in a hosted service".
using System.Collections.Concurrent;
using Breadcrumb.Kafka.Consuming;
using Breadcrumb.Kafka.Hosting;

public sealed class OrderHandler(OrderLedger ledger) : IRecordHandler<string, Order>
{
    public ValueTask HandleAsync(KafkaRecord<string, Order> record, CancellationToken cancellationToken)
    {
        var order = record.Value!;
        if (order.Amount <= 0)
        {
            // Retried (RetryCount), then sent to the dead-letter topic with this message in its headers.
            throw new InvalidOperationException($"order {order.Id} has amount {order.Amount}: nothing to charge");
        }

        ledger.Add(order, record.Partition, record.Offset);
        return ValueTask.CompletedTask;
    }
}

/// <summary>What the handler booked (a singleton; the handler itself is created per record).</summary>
public sealed class OrderLedger
{
    private readonly ConcurrentDictionary<int, string> booked = new();

    public int Count => booked.Count;

    public void Add(Order order, int partition, long offset) => booked[order.Id] = $"{order.Product} {order.Amount} @ [{partition}] {offset}";
}
