using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>A fake clock that tells the test when the producer starts its decision wait: its transaction is then open with every record written.</summary>
internal sealed class TimerSignallingTimeProvider : FakeTimeProvider
{
    private readonly TaskCompletionSource timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task TimerCreated => timerCreated.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timerCreated.TrySetResult();
        return timer;
    }
}
