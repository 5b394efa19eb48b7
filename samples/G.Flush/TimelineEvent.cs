namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>One timeline event.</summary>
/// <param name="Mode">The run.</param>
/// <param name="Event">sent, delivered, received or flush.</param>
/// <param name="Index">The record's position in the run (-1 for a flush).</param>
/// <param name="Partition">Its partition (-1 when unknown).</param>
/// <param name="Offset">Its offset (-1 when unknown).</param>
/// <param name="Ms">Milliseconds from the run's start.</param>
public sealed record TimelineEvent(string Mode, string Event, int Index, int Partition, long Offset, double Ms);
