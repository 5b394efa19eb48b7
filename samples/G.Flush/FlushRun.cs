namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>One run of section G: a flush rule, and when records were sent, confirmed, stored and received.</summary>
/// <param name="Mode">"never", "each" or "pause5-flush15".</param>
/// <param name="Description">What the run does.</param>
/// <param name="Sent">Records handed to the producer.</param>
/// <param name="Flushes">Flushes the rule asked for (the end-of-run flush not included).</param>
/// <param name="DeliveryReports">Delivery reports that arrived before the producer was disposed.</param>
/// <param name="Stored">Records the broker holds from this run: its high watermarks' growth during the run, read from the broker.</param>
/// <param name="Received">Records of this run the concurrent consumer received.</param>
/// <param name="MedianSendToDeliveryMs">Median time from send to delivery report, or null when none arrived.</param>
/// <param name="MedianSendToReceiveMs">Median time from send to receive, or null when nothing was received.</param>
/// <param name="DeliveredBeforeNextSend">Records whose delivery report arrived before the next record was sent (of <c>Sent − 1</c>).</param>
/// <param name="ReceivedBeforeTheirFlush">Records received before the first flush call at or after their send (null when the rule never flushed).</param>
/// <param name="RecordsWithAFlushAfter">Records sent before some flush call of the rule (the denominator of <paramref name="ReceivedBeforeTheirFlush"/>).</param>
/// <param name="FirstReportAfterFirstSendMs">Time from the first send to the first delivery report (it includes the new producer's connection), or null when none arrived.</param>
/// <param name="LastReportAfterLastSendMs">Time from the last send to the last delivery report, or null when none arrived.</param>
/// <param name="Seconds">How long the run took.</param>
public sealed record FlushRun(
    string Mode,
    string Description,
    int Sent,
    int Flushes,
    int DeliveryReports,
    long Stored,
    int Received,
    double? MedianSendToDeliveryMs,
    double? MedianSendToReceiveMs,
    int DeliveredBeforeNextSend,
    int? ReceivedBeforeTheirFlush,
    int RecordsWithAFlushAfter,
    double? FirstReportAfterFirstSendMs,
    double? LastReportAfterLastSendMs,
    double Seconds);
