namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Holds the latest snapshot JSON and wakes every page stream when a new one arrives.</summary>
internal sealed class SnapshotHub
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? json;
    private long version;

    public (long Version, string? Json, Task Next) Current
    {
        get
        {
            lock (gate)
            {
                return (version, json, next.Task);
            }
        }
    }

    public void Publish(string snapshot)
    {
        TaskCompletionSource woken;
        lock (gate)
        {
            json = snapshot;
            version++;
            woken = next;
            next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }
}
