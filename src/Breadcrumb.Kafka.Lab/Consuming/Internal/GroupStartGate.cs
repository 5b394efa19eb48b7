namespace Breadcrumb.Kafka.Lab.Consuming.Internal;

/// <summary>
/// Holds the members of a group back (partitions paused) until each holds a partition, so records already in the
/// topic are split between them instead of going to whichever member joined first.
/// </summary>
internal sealed class GroupStartGate
{
    private readonly object sync = new();
    private readonly int[] assignedCounts;
    private readonly int needed;
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider timeProvider;
    private readonly long started;
    private readonly TimeSpan timeout;

    public GroupStartGate(int members, int partitions, TimeSpan timeout, TimeProvider timeProvider)
    {
        assignedCounts = new int[members];
        needed = Math.Max(1, Math.Min(members, partitions));
        this.timeout = timeout;
        this.timeProvider = timeProvider;
        started = timeProvider.GetTimestamp();
    }

    public bool IsOpen => opened.Task.IsCompleted;

    public Task WhenOpen => opened.Task;

    public void Report(int member, int assignedCount)
    {
        lock (sync)
        {
            assignedCounts[member] = assignedCount;
            if (assignedCounts.Count(c => c > 0) >= needed)
            {
                opened.TrySetResult();
            }
        }
    }

    /// <summary>Opens the gate once the timeout has passed, so a member that never gets a partition cannot hold the others forever.</summary>
    /// <returns>Whether the gate is open.</returns>
    public bool CheckOpen()
    {
        if (!IsOpen && timeProvider.GetElapsedTime(started) >= timeout)
        {
            opened.TrySetResult();
        }

        return IsOpen;
    }

    public void Open() => opened.TrySetResult();
}
