using System.Globalization;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Section B's measured figures.</summary>
public sealed record MonitoringSummary : SectionSummary
{
    /// <summary>How far the monitor's in/s may be from the producer's own rate: at least its half, at most its double.</summary>
    public const double RateFactor = 2;

    /// <summary>Gets the consumer group whose progress was watched.</summary>
    public required string Group { get; init; }

    /// <summary>Gets a value indicating whether the monitor ran its own producer and consumer.</summary>
    public required bool WithLoad { get; init; }

    /// <summary>Gets when the demo producer started, in seconds on the monitor's clock (null without load).</summary>
    public double? LoadStartedAt { get; init; }

    /// <summary>Gets when the demo producer stopped, in seconds on the monitor's clock (null without load).</summary>
    public double? LoadStoppedAt { get; init; }

    /// <summary>Gets the delay after each demo send, in ms (null without load): slowed from the option when readings are slow.</summary>
    public double? LoadPacingMs { get; init; }

    /// <summary>Gets how often the demo consumer committed, in ms (null without load).</summary>
    public int? LoadCommitIntervalMs { get; init; }

    /// <summary>Gets how soon after the producer stopped the lag had to be back to 0, in seconds.</summary>
    public required double LagBoundSeconds { get; init; }

    /// <summary>Gets each reading; the first is taken before the load starts.</summary>
    public required IReadOnlyList<MonitorTick> Ticks { get; init; }

    /// <summary>Gets the final per-partition view.</summary>
    public required IReadOnlyList<PartitionStats> Partitions { get; init; }

    /// <summary>Gets why bytes are missing, if they are.</summary>
    public string? BytesNote { get; init; }

    /// <summary>Gets the records appended during the watch: the growth of the high watermarks from the first reading to the last.</summary>
    public long RecordsIn => Ticks.Count == 0 ? 0 : Ticks[^1].High - Ticks[0].High;

    /// <summary>Gets the demo producer's own rate: records confirmed per second while it ran.</summary>
    public double? ProducerPerSecond => LoadStartedAt is { } a && LoadStoppedAt is { } b && b > a ? Produced / (b - a) : null;

    /// <summary>Gets the in/s over the readings taken entirely while the producer ran: high-watermark growth over their span (null when none was).</summary>
    public double? InPerSecondWhileProducing
    {
        get
        {
            var inside = Enumerable.Range(1, Math.Max(0, Ticks.Count - 1))
                .Where(i => Ticks[i - 1].Seconds >= LoadStartedAt && Ticks[i].Seconds <= LoadStoppedAt).ToList();
            return inside.Count == 0
                ? null
                : (Ticks[inside[^1]].High - Ticks[inside[0] - 1].High) / Math.Max(0.001, Ticks[inside[^1]].Seconds - Ticks[inside[0] - 1].Seconds);
        }
    }

    /// <summary>Gets the first reading after the producer stopped whose lag was 0, in seconds (null when none).</summary>
    public double? LagZeroAt => Ticks.FirstOrDefault(t => t.Seconds >= LoadStoppedAt && t.Lag == 0)?.Seconds;

    /// <inheritdoc/>
    public override IReadOnlyList<string> DescribeInvariants() => WithLoad
        ?
        [
            "records in, read from the high watermarks, equal the records the producer had confirmed",
            "the in/s of the readings taken while the producer ran is between half and double the producer's own rate",
            string.Create(CultureInfo.InvariantCulture, $"the watched group's lag is back to 0 within {LagBoundSeconds:0.#} s of the producer stopping"),
        ]
        : ["the monitor took at least one reading after the first"];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        if (!WithLoad)
        {
            return Ticks.Count < 2 ? ["the monitor took no reading after the first."] : [];
        }

        var broken = new List<string>();
        if (RecordsIn != Produced)
        {
            broken.Add($"the high watermarks grew by {RecordsIn} records, but the producer had {Produced} confirmed.");
        }

        if (InPerSecondWhileProducing is not { } seen || ProducerPerSecond is not { } rate)
        {
            broken.Add("no reading fell entirely within the production, so in/s could not be compared with the producer's rate.");
        }
        else if (seen < rate / RateFactor || seen > rate * RateFactor)
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture, $"while producing the readings showed {seen:0} in/s, but the producer sent {rate:0}/s."));
        }

        if (LagZeroAt is not { } zero || zero - LoadStoppedAt > LagBoundSeconds)
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture,
                $"the group's lag was not back to 0 within {LagBoundSeconds:0.#} s of the producer stopping (last reading: lag {(Ticks.Count == 0 ? 0 : Ticks[^1].Lag)})."));
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport() => MonitoringReport.Build(this);
}
