using System.Diagnostics;

/// <summary>
/// What each member of one group holds, updated from the members' assignment callbacks (or their child process's
/// lines), and a measurement: arm a condition, act, and get the time from the act to the first update after which the
/// condition held. The condition is checked under the lock at every update, so the time is the update's own — no
/// polling interval is added.
/// </summary>
internal sealed class Watch
{
    private readonly object gate = new();
    private readonly Dictionary<string, int[]> held = new(StringComparer.Ordinal);
    private Func<Watch, bool>? condition;
    private long metAt;

    /// <summary>The partitions a member holds now (call from a condition, which runs under the lock).</summary>
    public int[] Held(string member) => held.GetValueOrDefault(member) ?? [];

    public bool Holds(string member, int count) => Held(member).Length == count;

    /// <summary>Both members hold half of <paramref name="partitions"/> each, and not the same ones.</summary>
    public bool Split(string a, string b, int partitions) =>
        Held(a).Length == partitions / 2 && Held(b).Length == partitions - (partitions / 2) && !Held(a).Intersect(Held(b)).Any();

    public void Set(string member, int[] partitions)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            held[member] = partitions;
            if (condition is { } c && metAt == 0 && c(this))
            {
                metAt = now;
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>
    /// Arms <paramref name="until"/>, runs <paramref name="act"/> (which returns the timestamp it acted at) and waits
    /// for the condition; returns the time from the act to the update that met it.
    /// </summary>
    public TimeSpan Measure(Func<Watch, bool> until, Func<long> act, TimeSpan timeout, string what)
    {
        lock (gate)
        {
            condition = until;
            metAt = 0;
        }

        var start = act();
        lock (gate)
        {
            try
            {
                if (metAt == 0 && until(this))
                {
                    metAt = Stopwatch.GetTimestamp();
                }

                var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
                while (metAt == 0)
                {
                    var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                    if (left <= TimeSpan.Zero)
                    {
                        throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:F0} s (holding: {Describe()}).");
                    }

                    Monitor.Wait(gate, left);
                }

                return Stopwatch.GetElapsedTime(start, metAt);
            }
            finally
            {
                condition = null;
            }
        }
    }

    private string Describe() => string.Join("; ", held.Select(h => $"{h.Key}=[{string.Join(',', h.Value)}]"));
}
