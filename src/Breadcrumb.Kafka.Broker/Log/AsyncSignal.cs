namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>
/// Wakes whoever waits for "something changed" (a fetch holding for new records). A waiter gets the current
/// task; <see cref="Pulse"/> completes it and the next waiter gets a fresh one. No allocation when nobody waits.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly Lock sync = new();
    private TaskCompletionSource? waiter;

    public Task WaitAsync()
    {
        lock (sync)
        {
            waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return waiter.Task;
        }
    }

    public void Pulse()
    {
        TaskCompletionSource? current;
        lock (sync)
        {
            current = waiter;
            waiter = null;
        }

        current?.TrySetResult();
    }
}
