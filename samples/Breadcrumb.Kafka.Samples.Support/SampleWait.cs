using System.Diagnostics;

namespace Breadcrumb.Kafka.Samples;

/// <summary>Waits on a condition with a deadline, checking it every few milliseconds (no fixed sleeps).</summary>
public static class SampleWait
{
    /// <summary>Gets how often the condition is checked.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="timeout"/> passes.</summary>
    /// <param name="condition">The condition; must be cheap and thread-safe.</param>
    /// <param name="timeout">The deadline, from now.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Whether the condition held before the deadline.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) >= timeout)
            {
                return condition();
            }

            await Task.Delay(Period, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
