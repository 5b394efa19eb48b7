using Breadcrumb.Kafka.Lab.Diagnostics;
using Breadcrumb.Kafka.Serialization;

namespace Breadcrumb.Kafka.Lab.Producing;

/// <summary>
/// Holds the validated, immutable copy of <see cref="BreadcrumbProducerOptions"/> a producer runs with, and the
/// options of the <see cref="KafkaProducer{TKey, TValue}"/> it sends with.
/// </summary>
internal sealed class ProducerSettings
{
    private const string Options = nameof(BreadcrumbProducerOptions);

    private ProducerSettings(BreadcrumbProducerOptions options)
    {
        Topic = options.Topic;
        Name = options.Name;
        KeyStrategy = options.KeyStrategy;
        Partition = options.Partition;
        FlushPolicy = options.FlushPolicy;
        Pacing = new Pacing(options.DelayAfterEachSend, options.Pause);
        TimeProvider = options.TimeProvider;
        Inner = new KafkaProducerOptions<string?, BreadcrumbRecord>
        {
            Topic = options.Topic,
            Name = options.Name,
            KeySerializer = KafkaSerdes.Utf8!,
            ValueSerializer = KafkaSerdes.Json(BreadcrumbJsonContext.Default.BreadcrumbRecord),
            OnDelivery = options.OnDelivery,
            FlushPolicy = options.FlushPolicy,
            TimeProvider = options.TimeProvider,
            QueueFullTimeout = options.QueueFullTimeout,
            DisposeFlushTimeout = options.DisposeFlushTimeout,
            ConfigureClient = options.ConfigureClient,
            OptionsName = Options,
            LoggerCategory = typeof(BreadcrumbProducer).FullName!,
            ConfigureBuilder = options.Statistics is { } statistics
                ? (builder, config) => StatisticsHook.Attach(builder, config, statistics)
                : null,
            ClientDefaults = options.Linger is { } linger
                ? new Dictionary<string, string> { ["linger.ms"] = linger.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null,
        };
    }

    public string Topic { get; }

    public string Name { get; }

    public KeyStrategy KeyStrategy { get; }

    public ExplicitPartition? Partition { get; }

    public FlushPolicy FlushPolicy { get; }

    public Pacing Pacing { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the options of the generic producer that does the sending.</summary>
    public KafkaProducerOptions<string?, BreadcrumbRecord> Inner { get; }

    /// <summary>Validates <paramref name="options"/> and builds the settings.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names it, its value and the allowed range.</exception>
    public static ProducerSettings Create(KafkaConnection connection, BreadcrumbProducerOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        return new ProducerSettings(options);
    }

    private static void Validate(BreadcrumbProducerOptions options)
    {
        TopicNames.Validate(options.Topic, $"{Options}.{nameof(options.Topic)}");
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > BreadcrumbProducerDefaults.MaxNameLength)
        {
            throw new ArgumentException(
                $"{Options}.{nameof(options.Name)} must be 1 to {BreadcrumbProducerDefaults.MaxNameLength} characters, not blank (was '{options.Name}').",
                nameof(options));
        }

        Require(options.KeyStrategy, nameof(options.KeyStrategy), "KeyStrategy.None");
        Require(options.FlushPolicy, nameof(options.FlushPolicy), "FlushPolicy.AtEnd");
        Require(options.TimeProvider, nameof(options.TimeProvider), "TimeProvider.System");
        InRange(options.DelayAfterEachSend, TimeSpan.Zero, BreadcrumbProducerDefaults.MaxPacing, nameof(options.DelayAfterEachSend), "zero", "1 hour");
        InRange(options.QueueFullTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), nameof(options.QueueFullTimeout), "1 ms", "1 hour");
        InRange(options.DisposeFlushTimeout, TimeSpan.Zero, TimeSpan.FromHours(1), nameof(options.DisposeFlushTimeout), "zero", "1 hour");
        if (options.Linger is { } linger)
        {
            InRange(linger, TimeSpan.Zero, TimeSpan.FromMinutes(15), nameof(options.Linger), "zero", "15 minutes");
        }

        options.Pause?.Validate();
    }

    private static void Require(object? value, string name, string example)
    {
        if (value is null)
        {
            throw new ArgumentException($"{Options}.{name} is null; set it (for example to {example}).", name);
        }
    }

    private static void InRange(TimeSpan value, TimeSpan min, TimeSpan max, string name, string minText, string maxText)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{Options}.{name} must be from {minText} to {maxText} (was {value}).");
        }
    }
}
