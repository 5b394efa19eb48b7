using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Breadcrumb.Kafka.Lab.Consuming.Internal;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Consumes breadcrumb records with an <see cref="IRecordFilter"/>, stops on a count, an idle period, the end of its
/// partitions or cancellation, and reports counts per key and partition, per-key order and its partition assignments.
/// </summary>
/// <remarks>
/// <para>One instance runs once: <see cref="RunAsync"/> or <see cref="ReadAllAsync"/>. Create a new instance to consume
/// again; with the same <see cref="KeyFilteredConsumerOptions.GroupId"/> it starts after the committed offsets.</para>
/// <para>The Confluent consumer (whose <c>Consume</c> blocks) lives on a dedicated thread for the whole run; the
/// caller's context is never blocked. Values are deserialized only when the filter or the caller asks.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var consumer = new KeyFilteredConsumer(connection, new KeyFilteredConsumerOptions
/// {
///     Topic = "breadcrumbs", GroupId = "lab-f", Filter = RecordFilter.Key("1"), StopAtEndOfPartitions = true,
/// });
/// var summary = await consumer.RunAsync(cancellationToken);
/// Console.WriteLine(summary.Message ?? $"{summary.Total} records with key 1, order held: {summary.OrderHeld}");
/// </code>
/// </example>
public sealed partial class KeyFilteredConsumer : IAsyncDisposable
{
    private readonly KafkaConnection connection;
    private readonly KeyFilteredConsumerOptions options;
    private readonly CancellationTokenSource disposing = new();
    private Task<ConsumeResultSummary>? run;
    private int started;
    private int disposed;
    private HandedOffsets? handedOffsets;

    /// <summary>Initializes a new instance of the <see cref="KeyFilteredConsumer"/> class; no client is created until it runs.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">What to read, keep and commit, and when to stop; a snapshot is taken.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public KeyFilteredConsumer(KafkaConnection connection, KeyFilteredConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.connection = connection;
        this.options = options.Clone(options.Name);
    }

    /// <summary>Gets the consumer's name, as reports show it.</summary>
    public string Name => options.Name;

    /// <summary>Gets the summary of the finished run, or <see langword="null"/> while it has not finished.</summary>
    public ConsumeResultSummary? Summary { get; private set; }

    internal GroupStartGate? Gate { get; set; }

    internal int MemberIndex { get; set; }

    /// <summary>Consumes until a stop condition is met and returns what was read.</summary>
    /// <param name="cancellationToken">Stops the run; the summary then says <see cref="ConsumeStopReason.Cancelled"/> (no exception).</param>
    /// <returns>The run's summary; offsets are committed (unless disabled) before it completes.</returns>
    /// <exception cref="InvalidOperationException">The consumer has already run.</exception>
    /// <exception cref="Confluent.Kafka.KafkaException">The client hit a fatal error.</exception>
    public async Task<ConsumeResultSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposing.Token);
        var summary = await Start(null, null, stop.Token).ConfigureAwait(false);
        Summary = summary;
        return summary;
    }

    /// <summary>Consumes until a stop condition is met, yielding each record the filter keeps; <see cref="Summary"/> is set at the end.</summary>
    /// <param name="cancellationToken">Stops the run; enumeration then ends normally.</param>
    /// <returns>The kept records, in the order they were consumed.</returns>
    /// <remarks>When the caller falls 1,024 records behind, the loop pauses its partitions (still serving the group) until it catches up. Leaving the loop early stops the consumer and commits only the records the caller finished with (it came back for the next one); records read ahead, and the one it left the loop on, are read again by the next consumer of the group.</remarks>
    /// <exception cref="InvalidOperationException">The consumer has already run.</exception>
    public async IAsyncEnumerable<ConsumedRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Not SingleReader: the single-reader channel cannot count its backlog, which the loop needs for flow control.
        var channel = Channel.CreateUnbounded<ConsumedRecord>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposing.Token);
        var handed = new HandedOffsets();
        var loop = Start(channel, handed, stop.Token);
        var finished = false;
        try
        {
            await foreach (var record in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return record;
                handed.Handed(record);
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            Summary = await loop.ConfigureAwait(false);
        }
    }

    /// <summary>Stops a run still in progress (committing what it read) and waits for its client to close; safe to call more than once.</summary>
    /// <returns>A task that completes when the consumer has closed.</returns>
    public async ValueTask DisposeAsync()
    {
        // Idempotent: a second call must not touch the disposed token source (issue 20).
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await disposing.CancelAsync().ConfigureAwait(false);
        if (run is { } task)
        {
            await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        disposing.Dispose();
    }

    private Task<ConsumeResultSummary> Start(Channel<ConsumedRecord>? channel, HandedOffsets? handed, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException(
                $"KeyFilteredConsumer '{Name}' has already run. Create a new one to consume again; in the same group it starts after the committed offsets.");
        }

        handedOffsets = handed;

        // Confluent's Consume blocks its thread, so the whole client lives on one dedicated thread.
        run = Task.Factory.StartNew(
            () => Run(channel, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        return run;
    }
}
