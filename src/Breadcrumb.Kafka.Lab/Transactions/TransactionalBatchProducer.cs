using Breadcrumb.Kafka.Logging;
using Breadcrumb.Kafka.Lab.Transactions.Client;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Writes records in Kafka transactions, batch by batch (the lab's section I): begin, write a batch to one or more topics,
/// wait, then commit or abort as an <see cref="ITransactionDecision"/> says; reports what was committed.
/// </summary>
/// <remarks>
/// <para>One batch runs at a time; concurrent calls wait their turn. Confluent's blocking transaction calls run on the
/// thread pool, never on the caller's context.</para>
/// <para>Errors: an exception inside a batch (a key selector or decision that throws, an abortable Kafka error, a failed
/// delivery) aborts that batch, which reports <see cref="TransactionOutcome.Failed"/>; later batches go on. Retriable errors
/// are retried up to <see cref="TransactionalBatchOptions.MaxRetries"/> times. A fenced or fatal producer throws
/// <see cref="TransactionalProducerFatalException"/>, and every later call throws <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed partial class TransactionalBatchProducer : IAsyncDisposable
{
    private readonly ITransactionalClient client;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string transactionalId;
    private readonly string[] topicOfIndex;
    private readonly IReadOnlyList<string> topics;
    private readonly TimeSpan decisionDelay;
    private readonly ITransactionDecision decision;
    private readonly Func<BreadcrumbRecord, string?>? keySelector;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan initTimeout;
    private readonly int maxRetries;
    private readonly TimeSpan retryBackoff;
    private bool initialized;
    private int batchNumber;
    private TransactionalProducerFatalException? fatal;
    private volatile bool disposed;

    /// <summary>Initializes a new instance of the <see cref="TransactionalBatchProducer"/> class and creates its Kafka producer.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">The transactional id, topics, batch shape and decision; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and the allowed values.</exception>
    public TransactionalBatchProducer(KafkaConnection connection, TransactionalBatchOptions options)
        : this(options, ValidatedSplit(options), o => new ConfluentTransactionalClient(CreateConfig(connection, o), connection.CreateLogger<TransactionalBatchProducer>()))
    {
    }

    internal TransactionalBatchProducer(TransactionalBatchOptions options, ITransactionalClient client)
        : this(options, ValidatedSplit(options), _ => client)
    {
    }

    private TransactionalBatchProducer(TransactionalBatchOptions options, int[] split, Func<TransactionalBatchOptions, ITransactionalClient> createClient)
    {
        transactionalId = options.TransactionalId;
        topics = [.. options.Topics];
        topicOfIndex = [.. split.SelectMany((count, i) => Enumerable.Repeat(options.Topics[i], count))];
        decisionDelay = options.DecisionDelay;
        decision = options.Decision;
        keySelector = options.KeySelector;
        timeProvider = options.TimeProvider;
        initTimeout = options.InitTimeout;
        maxRetries = options.MaxRetries;
        retryBackoff = options.RetryBackoff;
        client = createClient(options);
    }

    /// <summary>Gets the producer's transactional id.</summary>
    public string TransactionalId => transactionalId;

    /// <summary>Gets the number of records in a full batch.</summary>
    public int BatchSize => topicOfIndex.Length;

    /// <summary>Gets the topics batches are written to.</summary>
    public IReadOnlyList<string> Topics => topics;

    /// <summary>
    /// Registers the transactional id with the transaction coordinator, finishing or aborting what an earlier producer
    /// with the same id left open (and fencing it). <see cref="RunBatchAsync(IReadOnlyList{BreadcrumbRecord}, CancellationToken)"/>
    /// calls it when needed; call it first to fail fast.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for a turn; the Kafka call itself runs to its timeout.</param>
    /// <returns>A task that completes when the producer can start transactions.</returns>
    /// <exception cref="TransactionalProducerFatalException">Kafka reported a fatal error.</exception>
    /// <exception cref="KafkaException">The coordinator did not answer within <see cref="TransactionalBatchOptions.InitTimeout"/>, after retries.</exception>
    /// <exception cref="InvalidOperationException">The producer failed fatally before.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public async Task InitAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Disposes the Kafka producer after any running batch ends. An unfinished transaction is aborted by the coordinator.</summary>
    /// <returns>A task that completes when the producer is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await Task.Run(client.Dispose).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static int[] ValidatedSplit(TransactionalBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ValidateAndResolveSplit();
    }

    private static ProducerConfig CreateConfig(KafkaConnection connection, TransactionalBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = connection.CreateProducerConfig();
        config.TransactionalId = options.TransactionalId;
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.TransactionTimeoutMs = (int)options.TransactionTimeout.TotalMilliseconds;
        return config;
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!initialized)
        {
            await CallAsync("InitTransactions", c => c.InitTransactions(initTimeout), cancellationToken).ConfigureAwait(false);
            initialized = true;
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (fatal is not null)
        {
            throw new InvalidOperationException(fatal.Message, fatal);
        }
    }
}
