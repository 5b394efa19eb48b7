namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>
/// Counts the bytes every partition of the cluster holds against one limit. A produce that would pass it fails
/// with a message naming the limit; nothing already stored is ever dropped to make room.
/// </summary>
internal sealed class MemoryBudget(long limitBytes)
{
    private long used;

    public long LimitBytes { get; } = limitBytes;

    public long UsedBytes => Interlocked.Read(ref used);

    public bool TryReserve(long bytes)
    {
        while (true)
        {
            var current = Interlocked.Read(ref used);
            if (LimitBytes > 0 && current + bytes > LimitBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref used, current + bytes, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Counts bytes that must be stored whatever the budget says (transaction markers: a transaction must end).</summary>
    public void ForceReserve(long bytes) => Interlocked.Add(ref used, bytes);

    public void Release(long bytes) => Interlocked.Add(ref used, -bytes);
}
