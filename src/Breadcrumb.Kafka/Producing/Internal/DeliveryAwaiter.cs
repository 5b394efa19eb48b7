using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Completes the <see cref="ValueTask{TResult}"/> of one <c>SendAsync</c> from its delivery
/// report. Pooled with its handler delegate, so an awaited send allocates no task, closure or delegate of its own.
/// </summary>
/// <remarks>
/// An awaiter goes back to the pool only after both its delivery report arrived (the client holds the handler until
/// then) and its result was read; continuations always run asynchronously, never on librdkafka's poll thread.
/// </remarks>
internal sealed class DeliveryAwaiter<TKey> : IValueTaskSource<DeliveryReport<TKey>>
{
    private static readonly Action<object?> CancelCallback = static state => ((DeliveryAwaiter<TKey>)state!).Cancel();

    private readonly Pool pool;
    private readonly Func<DeliveryReport<byte[], byte[]>, TKey?, DeliveryReport<TKey>> complete;
    private ManualResetValueTaskSourceCore<DeliveryReport<TKey>> core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration registration;
    private CancellationToken token;
    private TKey? key;
    private int completed;
    private int releases;
    private DeliveryAwaiter<TKey>? previous;
    private DeliveryAwaiter<TKey>? next;

    private DeliveryAwaiter(Pool pool, Func<DeliveryReport<byte[], byte[]>, TKey?, DeliveryReport<TKey>> complete)
    {
        this.pool = pool;
        this.complete = complete;
        Handler = OnDelivery;
    }

    /// <summary>Gets the delivery handler to pass to <c>Produce</c>.</summary>
    public Action<DeliveryReport<byte[], byte[]>> Handler { get; }

    /// <summary>Gets the task the caller awaits.</summary>
    public ValueTask<DeliveryReport<TKey>> Task => new(this, core.Version);

    /// <summary>Arms the awaiter for one record, before it is produced.</summary>
    public void Start(TKey? recordKey, CancellationToken cancellationToken)
    {
        key = recordKey;
        token = cancellationToken;
        completed = 0;
        releases = 0;
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.UnsafeRegister(CancelCallback, this);
        }

        pool.Link(this);
    }

    /// <summary>Returns the awaiter unused, when the client refused the record (its handler will never run).</summary>
    public void Abandon()
    {
        pool.Unlink(this);
        registration.Dispose();
        registration = default;
        core.Reset();
        pool.Return(this);
    }

    public DeliveryReport<TKey> GetResult(short version)
    {
        try
        {
            return core.GetResult(version);
        }
        finally
        {
            registration.Dispose();
            Release();
        }
    }

    public ValueTaskSourceStatus GetStatus(short version) => core.GetStatus(version);

    public void OnCompleted(Action<object?> continuation, object? state, short version, ValueTaskSourceOnCompletedFlags flags) =>
        core.OnCompleted(continuation, state, version, flags);

    private void OnDelivery(DeliveryReport<byte[], byte[]> report)
    {
        pool.Unlink(this);
        Finish(complete(report, key));
    }

    /// <summary>Completes with <paramref name="result"/> unless canceled first; the delivery side of the release.</summary>
    private void Finish(DeliveryReport<TKey> result)
    {
        if (Interlocked.Exchange(ref completed, 1) == 0)
        {
            core.SetResult(result);
        }

        Release();
    }

    private void Cancel()
    {
        if (Interlocked.Exchange(ref completed, 1) == 0)
        {
            core.SetException(new OperationCanceledException(
                "Stopped waiting for the delivery report; the record may still be delivered and is counted in the producer's summary.", token));
        }
    }

    private void Release()
    {
        if (Interlocked.Increment(ref releases) == 2)
        {
            registration = default;
            key = default;
            token = default;
            core.Reset();
            pool.Return(this);
        }
    }

    /// <summary>Keeps up to <see cref="MaxPooled"/> idle awaiters of one producer.</summary>
    internal sealed class Pool(Func<DeliveryReport<byte[], byte[]>, TKey?, DeliveryReport<TKey>> complete)
    {
        internal const int MaxPooled = 4096;

        private readonly ConcurrentQueue<DeliveryAwaiter<TKey>> idle = new();
        private readonly Lock gate = new();
        private DeliveryAwaiter<TKey>? head;
        private int count;

        public DeliveryAwaiter<TKey> Rent()
        {
            if (idle.TryDequeue(out var awaiter))
            {
                Interlocked.Decrement(ref count);
                return awaiter;
            }

            return new DeliveryAwaiter<TKey>(this, complete);
        }

        /// <summary>Completes every awaiter still waiting, once the client is closed and no report can come any more.</summary>
        public void FailWaiting(Func<TKey?, DeliveryReport<TKey>> reportFor)
        {
            List<DeliveryAwaiter<TKey>> waiting = [];
            lock (gate)
            {
                for (var a = head; a is not null; a = a.next)
                {
                    waiting.Add(a);
                }

                foreach (var a in waiting)
                {
                    a.previous = a.next = null;
                }

                head = null;
            }

            foreach (var a in waiting)
            {
                a.Finish(reportFor(a.key));
            }
        }

        // An intrusive list: tracking which sends still wait costs no allocation per send.
        internal void Link(DeliveryAwaiter<TKey> awaiter)
        {
            lock (gate)
            {
                awaiter.next = head;
                awaiter.previous = null;
                if (head is not null)
                {
                    head.previous = awaiter;
                }

                head = awaiter;
            }
        }

        internal void Unlink(DeliveryAwaiter<TKey> awaiter)
        {
            lock (gate)
            {
                if (awaiter.previous is null && head != awaiter)
                {
                    return;
                }

                if (awaiter.previous is not null)
                {
                    awaiter.previous.next = awaiter.next;
                }
                else
                {
                    head = awaiter.next;
                }

                if (awaiter.next is not null)
                {
                    awaiter.next.previous = awaiter.previous;
                }

                awaiter.previous = awaiter.next = null;
            }
        }

        public void Return(DeliveryAwaiter<TKey> awaiter)
        {
            if (Interlocked.Increment(ref count) <= MaxPooled)
            {
                idle.Enqueue(awaiter);
            }
            else
            {
                Interlocked.Decrement(ref count);
            }
        }
    }
}
