using System.Globalization;

namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Section G's measured figures.</summary>
public sealed record FlushSummary : SectionSummary
{
    /// <summary>Gets the concurrent consumer's <c>fetch.wait.max.ms</c>.</summary>
    public required int ConsumerFetchWaitMaxMs { get; init; }

    /// <summary>Gets the concurrent consumer's <c>fetch.min.bytes</c>.</summary>
    public required int ConsumerFetchMinBytes { get; init; }

    /// <summary>Gets the three runs.</summary>
    public required IReadOnlyList<FlushRun> Runs { get; init; }

    /// <summary>Gets the timeline CSV (mode, event, index, partition, offset, ms).</summary>
    public required string TimelineCsv { get; init; }

    /// <summary>Gets the chart PNG, or null when it could not be rendered.</summary>
    public string? ChartPng { get; init; }

    /// <summary>Gets why the chart is missing, or null.</summary>
    public string? ChartProblem { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> DescribeInvariants() =>
    [
        "in every run (never, each, pause5-flush15) the broker stores every record sent (stored = sent)",
        "in every run a delivery report arrives for every stored record before the producer is disposed (delivery reports = stored)",
        "in every run the concurrent consumer receives every stored record (received = stored)",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        foreach (var r in Runs)
        {
            if (r.Stored != r.Sent)
            {
                broken.Add($"{r.Mode}: {r.Sent} sent but the broker stores {r.Stored} from this run.");
            }

            if (r.DeliveryReports != r.Stored)
            {
                broken.Add($"{r.Mode}: the broker stores {r.Stored} records from this run but {r.DeliveryReports} delivery reports arrived.");
            }

            if (r.Received != r.Stored)
            {
                broken.Add($"{r.Mode}: the broker stores {r.Stored} records from this run but the consumer received {r.Received}.");
            }
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport()
    {
        var report = new SectionReport()
            .Finding($"The concurrent consumer fetched with fetch.wait.max.ms = {ConsumerFetchWaitMaxMs} and fetch.min.bytes = {ConsumerFetchMinBytes}; "
                + string.Join("; ", Runs.Select(r => $"run {r.Mode} = lab step {r.Description}")) + ".")
            .Background("A broker answers a fetch once fetch.min.bytes are there or fetch.wait.max.ms has passed, so with these settings a receive time "
                + "trails the record's arrival at the broker by at most that wait; with Kafka's default (500 ms) the wait would dominate send→receive times.")
            .Table(
                "Three runs with a concurrent consumer (times in ms from the send)",
                ["run", "sent", "flushes", "delivery reports", "stored", "received", "median send→delivery", "median send→receive",
                    "delivered before next send", "received before their flush", "seconds"],
                Runs.Select(r => (IReadOnlyList<object?>)[r.Mode, r.Sent, r.Flushes, r.DeliveryReports, r.Stored, r.Received, r.MedianSendToDeliveryMs,
                    r.MedianSendToReceiveMs, r.DeliveredBeforeNextSend, r.ReceivedBeforeTheirFlush is { } e ? $"{e} of {r.RecordsWithAFlushAfter}" : null, r.Seconds]))
            .Background("flush() blocks until every record handed to the producer has been delivered (or has failed) and its delivery report has run; "
                + "librdkafka sends records in the background as soon as linger.ms allows, and a flush also sends what is still lingering.");
        foreach (var r in Runs)
        {
            report.Finding(Describe(r));
        }

        if (Runs.FirstOrDefault(r => r.Mode == "never") is { } never && Runs.FirstOrDefault(r => r.Mode == "each") is { } each)
        {
            report.Finding(string.Create(CultureInfo.InvariantCulture,
                $"Flushing after each record took {each.Seconds:0.##} s for {each.Sent} records against {never.Seconds:0.##} s without flush; "
                + $"a record's delivery report arrived before the next send for {each.DeliveredBeforeNextSend} of {Math.Max(0, each.Sent - 1)} records with flush after each, "
                + $"{never.DeliveredBeforeNextSend} of {Math.Max(0, never.Sent - 1)} without."));
        }

        report.Background("The Python client runs delivery callbacks only inside poll() or flush(): a script that calls neither never sees its reports, "
            + "and one that exits with records still queued loses them. The .NET client serves delivery reports on a background thread.");
        report.Finding($"Timeline (every send, delivery report, receive and flush, in ms): `{TimelineCsv}`");
        return ChartPng is null ? report.Finding($"Chart not rendered: {ChartProblem}") : report.Image("Send, delivery and receive times per record", ChartPng);
    }

    private static string Describe(FlushRun r)
    {
        var gap = r.Stored < r.Sent
            ? $"{r.Sent - r.Stored} of the {r.Sent} records sent never reached the broker"
            : r.DeliveryReports < r.Stored
                ? $"{r.Stored - r.DeliveryReports} stored records had no delivery report when the producer was disposed (reports still queued are dropped on dispose)"
                : $"no gap: sent, stored and delivery reports are all {r.Sent}";
        var when = r.ReceivedBeforeTheirFlush switch
        {
            null => string.Create(CultureInfo.InvariantCulture, $"no flush was called; the last delivery report came {r.LastReportAfterLastSendMs} ms after the last send"),
            var early when early == r.RecordsWithAFlushAfter && early > 0 =>
                $"all {early} records sent before a flush call reached the consumer before that flush: receiving did not wait for flush()",
            0 => $"none of the {r.RecordsWithAFlushAfter} records sent before a flush call reached the consumer before that flush",
            var early => $"{early} of the {r.RecordsWithAFlushAfter} records sent before a flush call reached the consumer before that flush",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Run {r.Mode}: {r.DeliveryReports} delivery reports, {r.Stored} stored, {r.Received} received ({gap}); "
            + $"the first delivery report came {Ms(r.FirstReportAfterFirstSendMs)} after the first send; median send→delivery {Ms(r.MedianSendToDeliveryMs)}, "
            + $"send→receive {Ms(r.MedianSendToReceiveMs)}; {when}.");
    }

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v} ms") : "–";
}
