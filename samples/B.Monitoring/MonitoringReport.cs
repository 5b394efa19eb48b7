using System.Globalization;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Section B's report: sentences computed from the readings, the readings and the final partitions.</summary>
internal static class MonitoringReport
{
    public static SectionReport Build(MonitoringSummary s)
    {
        var report = new SectionReport();
        var span = s.Ticks.Count == 0 ? 0 : s.Ticks[^1].Seconds;
        report.Finding(F($"Watched topic '{s.Topic}' and group '{s.Group}' for {span:0.#} s, {s.Ticks.Count} readings of the watermarks, the group's committed offsets and the stored bytes."));
        if (s.WithLoad && s.LoadStartedAt is { } start && s.LoadStoppedAt is { } stop)
        {
            report.Finding(F($"The demo producer ran from t = {start:0.0} s to {stop:0.0} s, pausing {s.LoadPacingMs:0.#} ms after each send, and had {s.Produced} records confirmed ({s.ProducerPerSecond:0}/s); ")
                + F($"the demo consumer received {s.Consumed} and committed every {s.LoadCommitIntervalMs} ms."));
            report.Finding(F($"Records in, from the high watermarks: {s.RecordsIn} ({(s.RecordsIn == s.Produced ? "equal to" : "NOT equal to")} the {s.Produced} confirmed). ")
                + (s.InPerSecondWhileProducing is { } seen
                    ? F($"Readings taken while the producer ran showed {seen:0} in/s against its own {s.ProducerPerSecond:0}/s.")
                    : "No reading fell entirely within the production."));
            report.Finding(s.LagZeroAt is { } zero
                ? F($"The group's lag, {LagAt(s, stop)} at the first reading after the producer stopped, was 0 at t = {zero:0.0} s, {zero - stop:0.0} s after the producer stopped.")
                : F($"The group's lag was still {(s.Ticks.Count == 0 ? 0 : s.Ticks[^1].Lag)} at the last reading, {span - stop:0.0} s after the producer stopped."));
            report.Finding(s.CheckInvariants(0).Count == 0
                ? "So the console's numbers are consistent with the load: records in match the producer, the in-rate matches its rate, and the consumer caught up."
                : "So the console's numbers do NOT match the load: see the broken invariants below.");
        }

        if (s.Partitions.Count > 0)
        {
            var min = s.Partitions.MinBy(p => p.Messages)!;
            var max = s.Partitions.MaxBy(p => p.Messages)!;
            report.Finding(F($"At the end the {s.Partitions.Count} partitions held {s.Partitions.Sum(p => p.Messages)} records, from {min.Messages} (partition {min.Partition}) to {max.Messages} (partition {max.Partition})."));
        }

        var bytes = s.Ticks.Count == 0 ? null : s.Ticks[^1].Bytes;
        report.Finding(bytes is { } b
            ? F($"The broker reported {b} bytes stored for the topic at the last reading.")
            : $"Stored bytes: {s.BytesNote ?? "not reported"}.");
        report.Background("A Kafka monitoring console shows, per topic, the partitions' offsets (low and high watermarks), how fast records arrive and are consumed, "
            + "each consumer group's lag (high watermark − committed offset) and the bytes stored; \"out\" here is the watched group's committed offsets per second.");
        return report
            .Table(
                "Monitor readings",
                ["t (s)", "records held", "in/s", "out/s (group commits)", "group lag", "bytes"],
                s.Ticks.Select(t => (IReadOnlyList<object?>)[Math.Round(t.Seconds, 1), t.Records, Math.Round(t.InPerSecond), Math.Round(t.OutPerSecond), t.Lag, t.Bytes]))
            .Table(
                "Partitions at the end",
                ["partition", "low", "high", "records", "bytes"],
                s.Partitions.Select(p => (IReadOnlyList<object?>)[p.Partition, p.Low, p.High, p.Messages, p.BytesStored]));
    }

    private static long LagAt(MonitoringSummary s, double stop) => s.Ticks.FirstOrDefault(t => t.Seconds >= stop)?.Lag ?? 0;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
