using System.Collections.Concurrent;
using System.Diagnostics;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// The system clock, noting the first and last timestamp each thread read. A consumer runs on its own thread and times
/// its run from its first reading, so the thread whose span equals a consumer's elapsed time tells when that consumer
/// started: the members of a group can then be put on one timeline.
/// </summary>
public sealed class ThreadClock : TimeProvider
{
    private readonly ConcurrentDictionary<int, (long First, long Last)> threads = new();

    /// <summary>Gets the timestamp the clock was created at: the origin of the shared timeline.</summary>
    public long Origin { get; } = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public override long GetTimestamp()
    {
        var now = Stopwatch.GetTimestamp();
        threads.AddOrUpdate(Environment.CurrentManagedThreadId, (now, now), (_, span) => (span.First, now));
        return now;
    }

    /// <summary>Returns how many seconds after <see cref="Origin"/> the consumer that ran for <paramref name="elapsed"/> started.</summary>
    /// <param name="elapsed">The consumer's elapsed time, as its summary reports it.</param>
    /// <returns>The start, or null when no single thread's span matches.</returns>
    public double? StartOf(TimeSpan elapsed)
    {
        var matches = threads.Values.Where(t => GetElapsedTime(t.First, t.Last) == elapsed).ToList();
        return matches.Count == 1 ? GetElapsedTime(Origin, matches[0].First).TotalSeconds : null;
    }
}
