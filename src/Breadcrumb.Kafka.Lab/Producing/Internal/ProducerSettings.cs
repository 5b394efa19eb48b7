using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Producing;

/// <summary>
/// Holds the validated, immutable copy of <see cref="BreadcrumbProducerOptions"/> a producer runs with, and the
/// Confluent configuration built from it.
/// </summary>
internal sealed class ProducerSettings
{
    private const string Options = nameof(BreadcrumbProducerOptions);

    private ProducerSettings(BreadcrumbProducerOptions options, ProducerConfig config)
    {
        Topic = options.Topic;
        Name = options.Name;
        KeyStrategy = options.KeyStrategy;
        Partition = options.Partition;
        FlushPolicy = options.FlushPolicy;
        Pacing = new Pacing(options.DelayAfterEachSend, options.Pause);
        DeliveryReports = options.DeliveryReports;
        TimeProvider = options.TimeProvider;
        QueueFullTimeout = options.QueueFullTimeout;
        DisposeFlushTimeout = options.DisposeFlushTimeout;
        Config = config;
        var fields = config.Get("dotnet.producer.delivery.report.fields")?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? "all";
        ReportsCarryValue = fields == "all" || fields.Split(',').Contains("value");
    }

    public string Topic { get; }

    public string Name { get; }

    public KeyStrategy KeyStrategy { get; }

    public ExplicitPartition? Partition { get; }

    public FlushPolicy FlushPolicy { get; }

    public Pacing Pacing { get; }

    public IProgress<DeliveryReport>? DeliveryReports { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan QueueFullTimeout { get; }

    public TimeSpan DisposeFlushTimeout { get; }

    public ProducerConfig Config { get; }

    /// <summary>Gets a value indicating whether the client keeps each value for its delivery report, so value buffers may not be reused.</summary>
    public bool ReportsCarryValue { get; }

    /// <summary>Validates <paramref name="options"/> and builds the settings.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names it, its value and the allowed range.</exception>
    public static ProducerSettings Create(KafkaConnection connection, BreadcrumbProducerOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        return new ProducerSettings(options, BuildConfig(connection, options));
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
        options.Pause?.Validate();
    }

    private static ProducerConfig BuildConfig(KafkaConnection connection, BreadcrumbProducerOptions options)
    {
        var config = new ProducerConfig
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            ClientId = options.Name,
        };
        config.Set("linger.ms", BreadcrumbProducerDefaults.LingerMs);
        config.Set("dotnet.producer.delivery.report.fields", BreadcrumbProducerDefaults.DeliveryReportFields);
        foreach (var (key, value) in connection.Properties)
        {
            config.Set(key, value);
        }

        try
        {
            options.ConfigureClient?.Invoke(config);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"{Options}.{nameof(options.ConfigureClient)} failed: {ex.Message}", nameof(options), ex);
        }

        if (config.Get("dotnet.producer.enable.delivery.reports") is { } reports && !bool.Parse(reports))
        {
            throw new ArgumentException(
                $"{Options}.{nameof(options.ConfigureClient)} set dotnet.producer.enable.delivery.reports={reports}; " +
                "BreadcrumbProducer needs delivery reports for its summaries. Remove that setting.",
                nameof(options));
        }

        var fields = config.Get("dotnet.producer.delivery.report.fields")?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (fields is not null && fields != "all" && !fields.Split(',').Contains("key"))
        {
            throw new ArgumentException(
                $"{Options}.{nameof(options.ConfigureClient)} set dotnet.producer.delivery.report.fields={fields}; " +
                "it must include 'key' (or be 'all') so delivery reports can name the record's key.",
                nameof(options));
        }

        return config;
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
