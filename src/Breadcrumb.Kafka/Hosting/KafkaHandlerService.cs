using Breadcrumb.Kafka.Consuming;
using Breadcrumb.Kafka.Producing;
using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Breadcrumb.Kafka.Hosting;

/// <summary>
/// Runs a registered <see cref="IRecordHandler{TKey, TValue}"/> or <see cref="IBatchHandler{TKey, TValue}"/> as a hosted
/// service: reads, handles, commits after handling, retries with Polly, dead-letters what still fails, and commits what
/// was handled when the host stops.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>
/// Registered by <c>AddKafkaHandler</c> / <c>AddKafkaBatchHandler</c>; resolve it (or the keyed instance named after the
/// handler) to <see cref="Pause"/>, <see cref="Resume"/>, read <see cref="GetLag"/> or use <see cref="GroupMetadata"/>.
/// </remarks>
public sealed partial class KafkaHandlerService<TKey, TValue> : BackgroundService
{
    private readonly Func<KafkaConnection> connection;
    private readonly Func<KafkaConsumerOptions<TKey, TValue>> options;
    private readonly HandlerInvoker<TKey, TValue> invoker;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger logger;
    private volatile KafkaConsumer<TKey, TValue>? consumer;
    private volatile bool pauseRequested;
    private long handled;
    private long deadLettered;

    internal KafkaHandlerService(
        string name,
        Func<KafkaConnection> connection,
        Func<KafkaConsumerOptions<TKey, TValue>> options,
        HandlerInvoker<TKey, TValue> invoker,
        IServiceScopeFactory scopes,
        ILoggerFactory? loggerFactory)
    {
        Name = name;
        this.connection = connection;
        this.options = options;
        this.invoker = invoker;
        this.scopes = scopes;
        logger = loggerFactory?.CreateLogger("Breadcrumb.Kafka.Hosting.KafkaHandlerService") ?? NullLogger.Instance;
    }

    /// <summary>Gets the handler's name: its options name and the key of its keyed registration (the handler type's full name unless given).</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether reading is paused.</summary>
    public bool IsPaused => pauseRequested;

    /// <summary>Gets how many records were handled and committed so far.</summary>
    public long HandledCount => Interlocked.Read(ref handled);

    /// <summary>Gets how many records were sent to the dead-letter topic so far.</summary>
    public long DeadLetteredCount => Interlocked.Read(ref deadLettered);

    /// <summary>Gets the consumer's group metadata, for a transactional producer in the handler; <see langword="null"/> before the service started.</summary>
    public IConsumerGroupMetadata? GroupMetadata => consumer?.GroupMetadata;

    /// <summary>Pauses reading (the member stays in its group; the record being handled finishes).</summary>
    public void Pause()
    {
        pauseRequested = true;
        consumer?.Pause();
    }

    /// <summary>Resumes reading after <see cref="Pause"/>.</summary>
    public void Resume()
    {
        pauseRequested = false;
        consumer?.Resume();
    }

    /// <summary>Gets the lag of each assigned partition (also published as the <c>messaging.kafka.consumer.lag</c> metric).</summary>
    /// <returns>Lag per partition; empty before the service started.</returns>
    public IReadOnlyDictionary<TopicPartition, long> GetLag() => consumer?.GetLag() ?? new Dictionary<TopicPartition, long>();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting: the first poll blocks a thread-pool thread, not the host.
        await Task.Yield();
        var settings = options();
        var kafka = connection();
        await using var reader = new KafkaConsumer<TKey, TValue>(kafka, settings);
        await using var deadLetters = settings.DeadLetterTopic is { } topic
            ? new KafkaProducer<byte[], byte[]>(kafka, new KafkaProducerOptions<byte[], byte[]> { Topic = topic, Name = settings.Name + "-dead-letters" })
            : null;
        var retry = CreateRetry(reader.Settings);
        consumer = reader;
        if (pauseRequested)
        {
            reader.Pause();
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var topics = string.Join(", ", reader.Settings.Topics);
            HandlerLog.Started(logger, Name, topics, reader.GroupId);
        }

        try
        {
            await RunAsync(reader, deadLetters, retry, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: every handled record was committed as it finished; the one in progress will be read again.
        }
        catch (Exception ex)
        {
            HandlerLog.Stopped(logger, Name, ex.Message, ex);
            throw;
        }
        finally
        {
            consumer = null;
        }
    }

    private async Task RunAsync(
        KafkaConsumer<TKey, TValue> reader, KafkaProducer<byte[], byte[]>? deadLetters, ResiliencePipeline retry, CancellationToken stoppingToken)
    {
        var settings = reader.Settings;
        while (!stoppingToken.IsCancellationRequested)
        {
            var raw = await reader.PollAsync(settings.MaxBatchSize, settings.MaxBatchWait, stoppingToken).ConfigureAwait(false);
            var work = new Batch(reader, deadLetters, retry, stoppingToken);
            if (invoker.IsBatch)
            {
                await HandleBatchAsync(work, raw).ConfigureAwait(false);
            }
            else
            {
                foreach (var result in raw)
                {
                    await HandleOneAsync(work, result).ConfigureAwait(false);
                }
            }
        }
    }

    private ResiliencePipeline CreateRetry(ConsumerSetup<TKey, TValue> settings)
    {
        if (settings.RetryCount == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = settings.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = settings.RetryCount,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                OnRetry = args =>
                {
                    var where = args.Context.Properties.GetValue(Where, default);
                    HandlerLog.Retrying(logger, Name, where.Topic ?? "?", where.Partition, where.Offset, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>What one poll's handling needs.</summary>
    private readonly record struct Batch(
        KafkaConsumer<TKey, TValue> Reader, KafkaProducer<byte[], byte[]>? DeadLetters, ResiliencePipeline Retry, CancellationToken Stopping);
}
