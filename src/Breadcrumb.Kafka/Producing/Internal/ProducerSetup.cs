using Breadcrumb.Kafka.Flushing;
using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>Validated <see cref="KafkaProducerOptions{TKey, TValue}"/> and the librdkafka configuration they make.</summary>
internal sealed class ProducerSetup<TKey, TValue>
{
    private ProducerSetup(KafkaProducerOptions<TKey, TValue> options, ProducerConfig config, KafkaSerde<TKey> keys, KafkaSerde<TValue> values)
    {
        Topic = options.Topic;
        Name = options.Name;
        OnDelivery = options.OnDelivery;
        OnDeliveryAsync = options.OnDeliveryAsync;
        FlushPolicy = options.FlushPolicy;
        TimeProvider = options.TimeProvider;
        QueueFullTimeout = options.QueueFullTimeout;
        DisposeFlushTimeout = options.DisposeFlushTimeout;
        TransactionalId = options.TransactionalId;
        OptionsName = options.OptionsName;
        LoggerCategory = options.LoggerCategory;
        ConfigureBuilder = options.ConfigureBuilder;
        KeySerde = keys;
        ValueSerde = values;
        Config = config;
        var fields = config.Get("dotnet.producer.delivery.report.fields")?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? "all";
        ReportsCarryValue = fields == "all" || fields.Split(',').Contains("value");
    }

    public string Topic { get; }

    public string Name { get; }

    public Action<DeliveryReport<TKey>>? OnDelivery { get; }

    public Func<DeliveryReport<TKey>, CancellationToken, ValueTask>? OnDeliveryAsync { get; }

    public FlushPolicy FlushPolicy { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan QueueFullTimeout { get; }

    public TimeSpan DisposeFlushTimeout { get; }

    public string? TransactionalId { get; }

    public string OptionsName { get; }

    public string LoggerCategory { get; }

    public Action<ProducerBuilder<byte[], byte[]>, ProducerConfig>? ConfigureBuilder { get; }

    public KafkaSerde<TKey> KeySerde { get; }

    public KafkaSerde<TValue> ValueSerde { get; }

    public ProducerConfig Config { get; }

    public bool ReportsCarryValue { get; }

    public static ProducerSetup<TKey, TValue> Create(KafkaConnection connection, KafkaProducerOptions<TKey, TValue> options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var name = options.OptionsName;
        TopicNames.Validate(options.Topic, $"{name}.{nameof(options.Topic)}");
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > ProducerDefaults.MaxNameLength)
        {
            throw new ArgumentException(
                $"{name}.{nameof(options.Name)} must be 1 to {ProducerDefaults.MaxNameLength} characters, not blank (was '{options.Name}').",
                nameof(options));
        }

        Require(name, options.FlushPolicy, nameof(options.FlushPolicy), "FlushPolicy.AtEnd");
        Require(name, options.TimeProvider, nameof(options.TimeProvider), "TimeProvider.System");
        InRange(name, options.QueueFullTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), nameof(options.QueueFullTimeout), "1 ms", "1 hour");
        InRange(name, options.DisposeFlushTimeout, TimeSpan.Zero, TimeSpan.FromHours(1), nameof(options.DisposeFlushTimeout), "zero", "1 hour");
        if (options.TransactionalId is not null && string.IsNullOrWhiteSpace(options.TransactionalId))
        {
            throw new ArgumentException($"{name}.{nameof(options.TransactionalId)} is blank: give an id such as \"orders-enricher-1\", or leave it null.", nameof(options));
        }

        var keys = options.KeySerializer ?? KafkaSerdes.BuiltIn<TKey>() ?? throw new ArgumentException(
            $"{name}.{nameof(options.KeySerializer)} is not set and {typeof(TKey).Name} has no built-in serde: set it, for example to " +
            $"KafkaSerdes.Json(MyJsonContext.Default.{typeof(TKey).Name}).",
            nameof(options));
        var values = options.ValueSerializer ?? KafkaSerdes.BuiltIn<TValue>() ?? throw new ArgumentException(
            $"{name}.{nameof(options.ValueSerializer)} is not set and {typeof(TValue).Name} has no built-in serde: set it, for example to " +
            $"KafkaSerdes.Json(MyJsonContext.Default.{typeof(TValue).Name}) with a source-generated JsonSerializerContext.",
            nameof(options));
        return new ProducerSetup<TKey, TValue>(options, BuildConfig(connection, options), keys, values);
    }

    private static ProducerConfig BuildConfig(KafkaConnection connection, KafkaProducerOptions<TKey, TValue> options)
    {
        var name = options.OptionsName;
        var config = new ProducerConfig
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            ClientId = options.Name,

            // TCP_NODELAY, as Kafka's Java client always sets it: a send awaited on its own is one small request,
            // and Nagle's algorithm would hold it back. The connection or ConfigureClient may turn it off again.
            SocketNagleDisable = true,
        };
        config.Set("dotnet.producer.delivery.report.fields", ProducerDefaults.DeliveryReportFields);
        foreach (var (key, value) in options.ClientDefaults ?? new Dictionary<string, string>())
        {
            config.Set(key, value);
        }

        foreach (var (key, value) in connection.Properties)
        {
            config.Set(key, value);
        }

        if (options.TransactionalId is { } transactionalId)
        {
            config.TransactionalId = transactionalId;
        }

        try
        {
            options.ConfigureClient?.Invoke(config);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"{name}.{nameof(options.ConfigureClient)} failed: {ex.Message}", nameof(options), ex);
        }

        if (config.Get("dotnet.producer.enable.delivery.reports") is { } reports && !bool.Parse(reports))
        {
            throw new ArgumentException(
                $"{name}.{nameof(options.ConfigureClient)} set dotnet.producer.enable.delivery.reports={reports}; " +
                "the producer needs delivery reports for its summaries. Remove that setting.",
                nameof(options));
        }

        var fields = config.Get("dotnet.producer.delivery.report.fields")?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (fields is not null && fields != "all" && !fields.Split(',').Contains("key"))
        {
            throw new ArgumentException(
                $"{name}.{nameof(options.ConfigureClient)} set dotnet.producer.delivery.report.fields={fields}; " +
                "it must include 'key' (or be 'all') so delivery reports can name the record's key.",
                nameof(options));
        }

        return config;
    }

    private static void Require(string type, object? value, string name, string example)
    {
        if (value is null)
        {
            throw new ArgumentException($"{type}.{name} is null; set it (for example to {example}).", name);
        }
    }

    private static void InRange(string type, TimeSpan value, TimeSpan min, TimeSpan max, string name, string minText, string maxText)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{type}.{name} must be from {minText} to {maxText} (was {value}).");
        }
    }
}
