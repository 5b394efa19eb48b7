using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Broker.Tests;

/// <summary>Waits on a condition with a deadline, never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/> until the condition holds: the code under test
    /// may arm its timer just after an advance, so one advance is not always seen. After the last step it waits in real
    /// time (up to 10 s) for the condition.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !condition(); i++)
        {
            clock.Advance(step);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        // The clock has moved far enough; what its timers set off (a socket closed, a member expired) may still need
        // real time on a busy machine, so wait for it without moving the clock further.
        await WaitUntilAsync(condition, $"{what} after advancing the clock by up to {maxSteps} × {step}");
    }
}
