using Breadcrumb.Kafka.Flushing;

namespace Breadcrumb.Kafka.Flushing;

/// <summary>
/// Decides, after each send of a run, whether the producer flushes now: waits until every record sent so far is
/// delivered (or failed) and its delivery report has been raised. A pure decision over a <see cref="FlushState"/>.
/// </summary>
/// <remarks>
/// <para>Built-in policies are immutable and thread-safe: <see cref="EveryN"/>, <see cref="AfterDelay"/>,
/// <see cref="Never"/>, <see cref="AtEnd"/> and their composition <see cref="AnyOf"/> / <see cref="Or"/>.</para>
/// <para>Flushing does not make records visible to consumers sooner: a record is readable as soon as the broker has
/// it. It bounds how many records can be in flight, and makes delivery reports arrive in groups (the lab's section G).</para>
/// <para>Derive from this class for a custom rule; keep it pure (no clock, no I/O) so it stays testable.</para>
/// </remarks>
public abstract class FlushPolicy
{
    /// <summary>Initializes a new instance of the <see cref="FlushPolicy"/> class.</summary>
    protected FlushPolicy()
    {
    }

    /// <summary>
    /// Gets a policy that never flushes: not after a send, not at the end of a run, not at dispose. Records still
    /// queued when the producer is disposed are purged and reported as failed, never silently dropped.
    /// </summary>
    public static FlushPolicy Never { get; } = new NeverFlushPolicy();

    /// <summary>Gets a policy that flushes only once, at the end of a run and at dispose (the tutorial's <c>producer.flush()</c>).</summary>
    public static FlushPolicy AtEnd { get; } = new AtEndFlushPolicy();

    /// <summary>
    /// Gets a value indicating whether the producer flushes at the end of a run and at dispose.
    /// </summary>
    /// <value><see langword="true"/> for every policy except <see cref="Never"/>.</value>
    public virtual bool FlushesAtEnd => true;

    /// <summary>Creates a policy that flushes after every <paramref name="n"/>-th record (1 flushes after each record).</summary>
    /// <param name="n">How many records to send between flushes; at least 1.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static FlushPolicy EveryN(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), n, $"FlushPolicy.EveryN(n): n must be at least 1 (was {n}); use FlushPolicy.AtEnd to flush only at the end.");
        }

        return new EveryNFlushPolicy(n);
    }

    /// <summary>
    /// Creates a policy that flushes after a send once <paramref name="delay"/> or more has passed since the last
    /// flush (or since the run started).
    /// </summary>
    /// <param name="delay">The time between flushes; more than zero and at most one day.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is zero, negative or longer than a day.</exception>
    public static FlushPolicy AfterDelay(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(delay), delay, $"FlushPolicy.AfterDelay(delay): delay must be more than zero and at most 1 day (was {delay}).");
        }

        return new AfterDelayFlushPolicy(delay);
    }

    /// <summary>Creates a policy that flushes when any of <paramref name="policies"/> says so.</summary>
    /// <param name="policies">The policies to combine; at least one.</param>
    /// <returns>The combined policy; it flushes at the end unless every part is <see cref="Never"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="policies"/> is empty or holds <see langword="null"/>.</exception>
    public static FlushPolicy AnyOf(params FlushPolicy[] policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (policies.Length == 0)
        {
            throw new ArgumentException("FlushPolicy.AnyOf(policies): give at least one policy.", nameof(policies));
        }

        if (Array.IndexOf(policies, null) is var index and >= 0)
        {
            throw new ArgumentException($"FlushPolicy.AnyOf(policies): policies[{index}] is null.", nameof(policies));
        }

        return policies.Length == 1 ? policies[0] : new AnyOfFlushPolicy([.. policies]);
    }

    /// <summary>Creates a policy that flushes when this policy or <paramref name="other"/> says so.</summary>
    /// <param name="other">The other policy.</param>
    /// <returns>The combined policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public FlushPolicy Or(FlushPolicy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AnyOf(this, other);
    }

    /// <summary>Decides whether to flush now, right after a send.</summary>
    /// <param name="state">The records sent and the time passed since the last flush.</param>
    /// <returns><see langword="true"/> to flush now.</returns>
    public abstract bool ShouldFlush(FlushState state);
}
