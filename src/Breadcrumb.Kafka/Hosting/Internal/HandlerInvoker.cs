using Breadcrumb.Kafka.Consuming;
using Microsoft.Extensions.DependencyInjection;

namespace Breadcrumb.Kafka.Hosting;

/// <summary>Resolves the registered handler from a scope and calls it: one record at a time, or a batch.</summary>
internal sealed class HandlerInvoker<TKey, TValue>
{
    private readonly Func<IServiceProvider, KafkaRecord<TKey, TValue>, CancellationToken, ValueTask>? record;
    private readonly Func<IServiceProvider, IReadOnlyList<KafkaRecord<TKey, TValue>>, CancellationToken, ValueTask>? batch;

    private HandlerInvoker(
        Type handlerType,
        Func<IServiceProvider, KafkaRecord<TKey, TValue>, CancellationToken, ValueTask>? record,
        Func<IServiceProvider, IReadOnlyList<KafkaRecord<TKey, TValue>>, CancellationToken, ValueTask>? batch)
    {
        HandlerType = handlerType;
        this.record = record;
        this.batch = batch;
    }

    public Type HandlerType { get; }

    public bool IsBatch => batch is not null;

    public static HandlerInvoker<TKey, TValue> ForRecords<THandler>()
        where THandler : class, IRecordHandler<TKey, TValue> =>
        new(typeof(THandler), static (services, r, ct) => services.GetRequiredService<THandler>().HandleAsync(r, ct), null);

    public static HandlerInvoker<TKey, TValue> ForBatches<THandler>()
        where THandler : class, IBatchHandler<TKey, TValue> =>
        new(typeof(THandler), null, static (services, b, ct) => services.GetRequiredService<THandler>().HandleAsync(b, ct));

    public ValueTask HandleAsync(IServiceProvider services, KafkaRecord<TKey, TValue> value, CancellationToken cancellationToken) =>
        record!(services, value, cancellationToken);

    public ValueTask HandleAsync(IServiceProvider services, IReadOnlyList<KafkaRecord<TKey, TValue>> values, CancellationToken cancellationToken) =>
        batch!(services, values, cancellationToken);
}
