using System.Text.Json;
using Breadcrumb.Kafka.Lab.Diagnostics.Statistics;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Parses librdkafka's statistics JSON (emitted every <c>statistics.interval.ms</c>) into <see cref="KafkaStatistics"/>.</summary>
/// <remarks>Uses a source-generated <c>System.Text.Json</c> context; unknown fields are ignored.</remarks>
public static class KafkaStatisticsParser
{
    /// <summary>Parses one statistics report.</summary>
    /// <param name="json">The JSON text librdkafka passed to the statistics handler.</param>
    /// <returns>The typed report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty, not JSON, or not a statistics object.</exception>
    public static KafkaStatistics Parse(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        RawStatistics? raw;
        try
        {
            raw = JsonSerializer.Deserialize(json, KafkaStatisticsJsonContext.Default.RawStatistics);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException(
                $"KafkaStatisticsParser.Parse: the text is not librdkafka statistics JSON ({ex.Message}). Pass the string given to the statistics handler.",
                nameof(json),
                ex);
        }

        if (raw?.Name is null || raw.Type is null)
        {
            throw new ArgumentException(
                "KafkaStatisticsParser.Parse: the JSON has no \"name\" or \"type\"; it is not a librdkafka statistics report.", nameof(json));
        }

        var topics = (raw.Topics ?? [])
            .Select(t => ToTopic(t.Value.Topic ?? t.Key, t.Value))
            .OrderBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
        return new KafkaStatistics(
            raw.Name,
            raw.ClientId ?? string.Empty,
            raw.Type,
            DateTimeOffset.FromUnixTimeSeconds(raw.Time),
            raw.MsgCnt,
            raw.TxMsgs,
            raw.TxMsgBytes,
            raw.RxMsgs,
            raw.RxMsgBytes,
            raw.Cgrp?.State,
            topics);
    }

    private static TopicStatistics ToTopic(string name, RawTopic topic)
    {
        var all = (topic.Partitions ?? []).Values.ToList();
        var unassigned = all.Where(p => p.Partition < 0).Sum(p => p.MsgqCnt + p.XmitMsgqCnt);
        var partitions = all.Where(p => p.Partition >= 0).OrderBy(p => p.Partition).Select(ToPartition).ToList();
        return new TopicStatistics(name, partitions, unassigned);
    }

    private static PartitionStatistics ToPartition(RawPartition p) => new(
        p.Partition,
        p.Leader < 0 ? null : p.Leader,
        p.TxMsgs,
        p.TxBytes,
        p.RxMsgs,
        p.RxBytes,
        p.MsgqCnt,
        p.XmitMsgqCnt + p.MsgsInflight,
        Known(p.LoOffset),
        Known(p.HiOffset),
        Known(p.LsOffset),
        Known(p.CommittedOffset),
        Known(p.ConsumerLag),
        StoredBytes: null);

    // librdkafka writes -1 (or -1001, OFFSET_INVALID) for an offset it has not learned yet.
    private static long? Known(long value) => value < 0 ? null : value;
}
