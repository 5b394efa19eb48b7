using System.Globalization;
using System.Text;

namespace Breadcrumb.Kafka.Soak;

/// <summary>What a soak run measured, as Markdown for docs/soak.md.</summary>
internal sealed record SoakReport(
    int Records,
    int Partitions,
    ProduceRunSummary Produced,
    long ReadDistinct,
    long Lost,
    long Duplicated,
    long StoredOffsets,
    long MaxPartitionOffsets,
    long MaxPartitionBytes,
    string Dropped,
    IReadOnlyList<string> Faults,
    TimeSpan ProducedAt,
    TimeSpan ConsumedAt,
    long PeakWorkingSet,
    string Broker)
{
    public bool Passed => Lost == 0 && Duplicated == 0 && Produced.Failed == 0 && Produced.Delivered == Records && StoredOffsets == Records;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"| measure | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine(c, $"| verdict | {(Passed ? "PASS: nothing lost, nothing duplicated" : "FAIL")} |");
        text.AppendLine(c, $"| records sent / delivered / failed | {Produced.Sent:N0} / {Produced.Delivered:N0} / {Produced.Failed:N0} |");
        text.AppendLine(c, $"| records read (distinct ids) | {ReadDistinct:N0} |");
        text.AppendLine(c, $"| **lost** (sent, never read) | **{Lost:N0}** |");
        text.AppendLine(c, $"| **duplicated** (read more than once) | **{Duplicated:N0}** |");
        text.AppendLine(c, $"| offsets stored (sum of high watermarks) | {StoredOffsets:N0} |");
        text.AppendLine(c, $"| largest partition | {MaxPartitionOffsets:N0} records, {MaxPartitionBytes / 1024.0 / 1024.0:N2} MiB stored |");
        text.AppendLine(c, $"| records dropped (low watermark moved) | {Dropped} |");
        text.AppendLine(c, $"| faults injected | {Faults.Count} |");
        text.AppendLine(c, $"| produce done / all read | {ProducedAt.TotalSeconds:N1} s / {ConsumedAt.TotalSeconds:N1} s |");
        text.AppendLine(c, $"| throughput (all read) | {Records / ConsumedAt.TotalSeconds:N0} records/s |");
        text.AppendLine(c, $"| **peak working set** | **{PeakWorkingSet / 1024.0 / 1024.0:N0} MiB** |");
        text.AppendLine(c, $"| setup | {Partitions} partitions, 3 brokers, {Broker}, {Environment.ProcessorCount} cores, idempotent acks=all producer |");
        text.AppendLine();
        text.AppendLine("Faults:");
        foreach (var fault in Faults)
        {
            text.AppendLine(c, $"- {fault}");
        }

        return text.ToString();
    }
}
