namespace Breadcrumb.Kafka.Connection;

/// <summary>
/// Counts the calls in flight on one librdkafka client, so that it is closed only when none is running: destroying a
/// client while another thread is inside one of its calls is a use-after-free that kills the process (SIGSEGV), not an
/// exception anyone could catch.
/// </summary>
/// <param name="owner">The name shown in <see cref="ObjectDisposedException"/> once closing has started.</param>
internal sealed class ClientCalls(string owner) : IDisposable
{
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int active;

    /// <summary>Gets a token cancelled when closing starts: long calls (polls, flushes) watch it and return early.</summary>
    public CancellationToken Closing => closing.Token;

    /// <summary>Gets the number of calls in flight.</summary>
    public int Active => Volatile.Read(ref active);

    /// <summary>Enters a call; dispose the result when the call has returned.</summary>
    /// <returns>The call, to dispose.</returns>
    /// <exception cref="ObjectDisposedException">Closing has started.</exception>
    public Call Enter() => TryEnter(out var call) ? call : throw Closed();

    /// <summary>Enters a call unless closing has started.</summary>
    /// <param name="call">The call, to dispose, when this returns <see langword="true"/>.</param>
    /// <returns><see langword="false"/> once closing has started.</returns>
    public bool TryEnter(out Call call)
    {
        Interlocked.Increment(ref active);
        if (closing.IsCancellationRequested)
        {
            Exit();
            call = default;
            return false;
        }

        call = new Call(this);
        return true;
    }

    /// <summary>Starts closing (new calls are refused, <see cref="Closing"/> is cancelled) and waits for the calls in flight.</summary>
    /// <returns>A task that completes when no call is in flight.</returns>
    public Task CloseAsync()
    {
        // Cancel before reading the count: a call entering now either sees the cancellation or is counted here.
        closing.Cancel();
        if (Volatile.Read(ref active) == 0)
        {
            drained.TrySetResult();
        }

        return drained.Task;
    }

    /// <summary>Runs a blocking client call on the thread pool, counted so that closing waits for it.</summary>
    /// <param name="action">The call.</param>
    /// <param name="cancellationToken">Stops the waiting, not the call (librdkafka's blocking calls take no token).</param>
    /// <returns>A task that completes when the call returned.</returns>
    /// <exception cref="ObjectDisposedException">Closing has started.</exception>
    public Task RunAsync(Action action, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        // No token for Task.Run itself: the delegate must run to end the call.
        var call = Enter();
        var running = Task.Run(
            () =>
            {
                using (call)
                {
                    action();
                }
            },
            CancellationToken.None);
        return cancellationToken.CanBeCanceled ? running.WaitAsync(cancellationToken) : running;
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> when closing has started.</summary>
    /// <exception cref="ObjectDisposedException">Closing has started.</exception>
    public void ThrowIfClosing()
    {
        if (closing.IsCancellationRequested)
        {
            throw Closed();
        }
    }

    /// <summary>Releases the closing token; call after <see cref="CloseAsync"/> completed and the client is destroyed.</summary>
    public void Dispose() => closing.Dispose();

    private ObjectDisposedException Closed() => new(owner);

    private void Exit()
    {
        if (Interlocked.Decrement(ref active) == 0 && closing.IsCancellationRequested)
        {
            drained.TrySetResult();
        }
    }

    /// <summary>One call in flight; disposing it ends the call.</summary>
    internal readonly struct Call : IDisposable
    {
        private readonly ClientCalls? calls;

        public Call(ClientCalls calls) => this.calls = calls;

        public void Dispose() => calls?.Exit();
    }
}
