using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Diagnostics;

/// <summary>Turns on librdkafka statistics for a client and forwards each report, parsed, to a listener.</summary>
internal static class StatisticsHook
{
    /// <summary>The interval used when the listener is set and the configuration names none.</summary>
    public const int DefaultIntervalMs = 1000;

    public static ProducerBuilder<TKey, TValue> Attach<TKey, TValue>(
        ProducerBuilder<TKey, TValue> builder, ClientConfig config, IProgress<KafkaStatistics>? listener)
    {
        if (listener is null)
        {
            return builder;
        }

        config.StatisticsIntervalMs ??= DefaultIntervalMs;
        return builder.SetStatisticsHandler((_, json) => Forward(listener, json));
    }

    public static ConsumerBuilder<TKey, TValue> Attach<TKey, TValue>(
        ConsumerBuilder<TKey, TValue> builder, ClientConfig config, IProgress<KafkaStatistics>? listener)
    {
        if (listener is null)
        {
            return builder;
        }

        config.StatisticsIntervalMs ??= DefaultIntervalMs;
        return builder.SetStatisticsHandler((_, json) => Forward(listener, json));
    }

    private static void Forward(IProgress<KafkaStatistics> listener, string json)
    {
        try
        {
            listener.Report(KafkaStatisticsParser.Parse(json));
        }
#pragma warning disable CA1031 // Runs on librdkafka's thread: a throwing listener must not take the client down; the next report comes anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
