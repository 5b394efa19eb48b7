namespace Breadcrumb.Kafka.Lab.Consuming.Internal;

/// <summary>What one consumer read from one partition so far; mutated only on the consume loop's thread.</summary>
internal sealed class PartitionTally(string topic, int partition)
{
    public string Topic { get; } = topic;

    public int Partition { get; } = partition;

    public long Kept { get; set; }

    public long Skipped { get; set; }

    public long FirstOffset { get; private set; } = -1;

    public long LastOffset { get; private set; } = -1;

    /// <summary>Gets or sets the next offset already stored for commit (one past the last record read).</summary>
    public long Stored { get; set; } = -1;

    /// <summary>Gets a value indicating whether records were read past the stored offset.</summary>
    public bool HasUnstored => LastOffset >= 0 && LastOffset + 1 > Stored;

    /// <summary>Gets or sets a value indicating whether the last event from this partition was end-of-partition.</summary>
    public bool AtEnd { get; set; }

    public void Saw(long offset)
    {
        if (FirstOffset < 0)
        {
            FirstOffset = offset;
        }

        LastOffset = offset;
        AtEnd = false;
    }

    public PartitionCount ToCount() =>
        new(Topic, Partition, Kept, Skipped, FirstOffset < 0 ? null : FirstOffset, LastOffset < 0 ? null : LastOffset);
}
