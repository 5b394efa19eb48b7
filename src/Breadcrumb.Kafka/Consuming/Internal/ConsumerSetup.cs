using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Consuming;

/// <summary>Validated <see cref="KafkaConsumerOptions{TKey, TValue}"/> and the librdkafka configuration they make.</summary>
internal sealed class ConsumerSetup<TKey, TValue>
{
    private const string Type = "KafkaConsumerOptions";

    private ConsumerSetup(KafkaConsumerOptions<TKey, TValue> options, ConsumerConfig config, KafkaSerde<TKey> keys, KafkaSerde<TValue> values)
    {
        Topics = [.. options.Topics];
        GroupId = options.GroupId!;
        Name = options.Name;
        Config = config;
        KeySerde = keys;
        ValueSerde = values;
        MaxBatchSize = options.MaxBatchSize;
        MaxBatchWait = options.MaxBatchWait;
        RetryCount = options.RetryCount;
        RetryDelay = options.RetryDelay;
        DeadLetterTopic = options.DeadLetterTopic;
        TimeProvider = options.TimeProvider;
    }

    public IReadOnlyList<string> Topics { get; }

    public string GroupId { get; }

    public string Name { get; }

    public ConsumerConfig Config { get; }

    public KafkaSerde<TKey> KeySerde { get; }

    public KafkaSerde<TValue> ValueSerde { get; }

    public int MaxBatchSize { get; }

    public TimeSpan MaxBatchWait { get; }

    public int RetryCount { get; }

    public TimeSpan RetryDelay { get; }

    public string? DeadLetterTopic { get; }

    public TimeProvider TimeProvider { get; }

    public static ConsumerSetup<TKey, TValue> Create(KafkaConnection connection, KafkaConsumerOptions<TKey, TValue> options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        var keys = options.KeyDeserializer ?? KafkaSerdes.BuiltIn<TKey>()!;
        var values = options.ValueDeserializer ?? KafkaSerdes.BuiltIn<TValue>()!;
        var config = connection.CreateConsumerConfig(options.GroupId!);
        config.ClientId = options.Name;
        config.AutoOffsetReset = options.AutoOffsetReset;

        // At-least-once: an offset is stored only once its record was handled, so neither auto-commit nor the commit
        // on close can pass a record the application has not finished.
        config.EnableAutoOffsetStore = false;
        try
        {
            options.ConfigureClient?.Invoke(config);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"{Type}.{nameof(options.ConfigureClient)} failed: {ex.Message}", nameof(options), ex);
        }

        return new ConsumerSetup<TKey, TValue>(options, config, keys, values);
    }

    /// <summary>Lists every problem of <paramref name="options"/>, each naming its option, the value and the allowed range.</summary>
    public static List<string> Validate(KafkaConsumerOptions<TKey, TValue> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Topics.Count == 0)
        {
            problems.Add($"{Type}.{nameof(options.Topics)} is empty: add the topic(s) to consume, e.g. \"orders\".");
        }

        foreach (var topic in options.Topics)
        {
            Check(problems, () => TopicNames.Validate(topic, $"{Type}.{nameof(options.Topics)}"));
        }

        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            problems.Add($"{Type}.{nameof(options.GroupId)} is missing: set a consumer group id such as \"order-handlers\".");
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            problems.Add($"{Type}.{nameof(options.Name)} is blank: give the client a name such as \"consumer\".");
        }

        if (options.MaxBatchSize is < 1 or > ConsumerDefaults.MaxMaxBatchSize)
        {
            problems.Add($"{Type}.{nameof(options.MaxBatchSize)} must be from 1 to {ConsumerDefaults.MaxMaxBatchSize:N0} (was {options.MaxBatchSize}).");
        }

        if (options.MaxBatchWait < TimeSpan.Zero || options.MaxBatchWait > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{Type}.{nameof(options.MaxBatchWait)} must be from zero to 1 minute (was {options.MaxBatchWait}).");
        }

        if (options.RetryCount is < 0 or > 100)
        {
            problems.Add($"{Type}.{nameof(options.RetryCount)} must be from 0 to 100 (was {options.RetryCount}).");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{Type}.{nameof(options.RetryDelay)} must be from zero to 10 minutes (was {options.RetryDelay}).");
        }

        if (options.DeadLetterTopic is { } deadLetter)
        {
            Check(problems, () => TopicNames.Validate(deadLetter, $"{Type}.{nameof(options.DeadLetterTopic)}"));
            if (options.Topics.Contains(deadLetter))
            {
                problems.Add($"{Type}.{nameof(options.DeadLetterTopic)} is '{deadLetter}', a topic this consumer reads: a failing record would come back forever. Use another topic, e.g. \"{deadLetter}.dlq\".");
            }
        }

        if (options.TimeProvider is null)
        {
            problems.Add($"{Type}.{nameof(options.TimeProvider)} is null; set it (for example to TimeProvider.System).");
        }

        if (options.KeyDeserializer is null && KafkaSerdes.BuiltIn<TKey>() is null)
        {
            problems.Add($"{Type}.{nameof(options.KeyDeserializer)} is not set and {typeof(TKey).Name} has no built-in serde: set it, e.g. KafkaSerdes.Json(MyJsonContext.Default.{typeof(TKey).Name}).");
        }

        if (options.ValueDeserializer is null && KafkaSerdes.BuiltIn<TValue>() is null)
        {
            problems.Add($"{Type}.{nameof(options.ValueDeserializer)} is not set and {typeof(TValue).Name} has no built-in serde: set it, e.g. KafkaSerdes.Json(MyJsonContext.Default.{typeof(TValue).Name}).");
        }

        return problems;
    }

    private static void Check(List<string> problems, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
        }
    }
}
