namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>One run of section G: a flush rule, and when records were sent, confirmed and received.</summary>
/// <param name="Mode">"never", "each" or "pause5-flush15".</param>
/// <param name="Description">What the run does.</param>
/// <param name="Sent">Records handed to the producer.</param>
/// <param name="Flushes">Flushes the rule asked for (the end-of-run flush not included).</param>
/// <param name="DeliveryReports">Delivery reports that arrived.</param>
/// <param name="Received">Records the concurrent consumer received.</param>
/// <param name="MedianSendToReceiveMs">Median time from send to receive.</param>
/// <param name="ReceivedBeforeFirstFlush">Records received before the first flush call (null when there was none).</param>
/// <param name="Seconds">How long the run took.</param>
public sealed record FlushRun(
    string Mode,
    string Description,
    int Sent,
    int Flushes,
    int DeliveryReports,
    int Received,
    double MedianSendToReceiveMs,
    int? ReceivedBeforeFirstFlush,
    double Seconds);

/// <summary>Section G's measured figures.</summary>
public sealed record FlushSummary : SectionSummary
{
    /// <summary>Gets the three runs.</summary>
    public required IReadOnlyList<FlushRun> Runs { get; init; }

    /// <summary>Gets the timeline CSV (mode, event, index, partition, offset, ms).</summary>
    public required string TimelineCsv { get; init; }

    /// <summary>Gets the chart PNG, or null when it could not be rendered.</summary>
    public string? ChartPng { get; init; }

    /// <summary>Gets why the chart is missing, or null.</summary>
    public string? ChartProblem { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records) =>
        [.. Runs.Where(r => r.Mode != "never" && r.Received != r.Sent).Select(r => $"{r.Mode}: {r.Sent} sent but {r.Received} received.")];

    /// <inheritdoc/>
    public override SectionReport ToReport()
    {
        var report = new SectionReport()
            .Finding("flush() blocks until every record handed to the producer has been delivered and its delivery report has run; "
                + "it does not make records travel: librdkafka sends them in the background as soon as linger allows.")
            .Finding(string.Join("; ", Runs.Select(r => $"run {r.Mode} = lab step {r.Description}")) + ".")
            .Table(
                "Three runs with a concurrent consumer",
                ["run", "sent", "flushes", "delivery reports", "received", "median send→receive ms", "received before 1st flush", "seconds"],
                Runs.Select(r => (IReadOnlyList<object?>)[r.Mode, r.Sent, r.Flushes, r.DeliveryReports, r.Received, r.MedianSendToReceiveMs, r.ReceivedBeforeFirstFlush, r.Seconds]));
        if (Runs.FirstOrDefault(r => r.Mode == "never") is { } never && never.Received < never.Sent)
        {
            report.Finding($"Never flushing: the producer was disposed right after its last send, so records still queued were purged, not sent — "
                + $"{never.DeliveryReports} delivery reports and {never.Received} of {never.Sent} records reached the consumer. Without flush() a short-lived producer loses its tail.");
        }

        var paused = Runs.FirstOrDefault(r => r.Mode == "pause5-flush15");
        if (paused is { ReceivedBeforeFirstFlush: { } early })
        {
            report.Finding($"With a pause every 5th record and a flush every 15th, the consumer had already received {early} records before the first flush call: "
                + "it receives records as they reach the broker, in bursts of 5 between pauses, independent of flush().");
        }

        report.Finding($"Timeline (every send, delivery report, receive and flush, in ms): `{TimelineCsv}`");
        return ChartPng is null ? report.Finding($"Chart not rendered: {ChartProblem}") : report.Image("Send, delivery and receive times per record", ChartPng);
    }
}
