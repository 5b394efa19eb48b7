using System.Globalization;
using System.Text;
using Breadcrumb.Kafka.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Breadcrumb.Kafka.Hosting;

/// <content>Handling one record or one batch: deserialize, retry, dead-letter, commit.</content>
public sealed partial class KafkaHandlerService<TKey, TValue>
{
    private static readonly ResiliencePropertyKey<(string? Topic, int Partition, long Offset)> Where = new("breadcrumb.record");

    private async Task HandleOneAsync(Batch work, ConsumeResult<byte[], byte[]> result)
    {
        KafkaRecord<TKey, TValue> record;
        try
        {
            record = await work.Reader.ReadAsync(result).ConfigureAwait(false);
        }
        catch (ConsumeException ex)
        {
            await DeadLetterAsync(work, result, "deserialize", ex, attempts: 0).ConfigureAwait(false);
            await work.Reader.CommitOffsetsAsync([NextOffset(result)], work.Stopping).ConfigureAwait(false);
            return;
        }

        var (failure, attempts) = await TryHandleAsync(work, result, (services, ct) => invoker.HandleAsync(services, record, ct)).ConfigureAwait(false);
        if (failure is not null)
        {
            await DeadLetterAsync(work, result, "handle", failure, attempts).ConfigureAwait(false);
        }
        else
        {
            Interlocked.Increment(ref handled);
        }

        await work.Reader.CommitOffsetsAsync([NextOffset(result)], work.Stopping).ConfigureAwait(false);
    }

    private async Task HandleBatchAsync(Batch work, List<ConsumeResult<byte[], byte[]>> raw)
    {
        var records = new List<KafkaRecord<TKey, TValue>>(raw.Count);
        var readable = new List<ConsumeResult<byte[], byte[]>>(raw.Count);
        foreach (var result in raw)
        {
            try
            {
                records.Add(await work.Reader.ReadAsync(result).ConfigureAwait(false));
                readable.Add(result);
            }
            catch (ConsumeException ex)
            {
                await DeadLetterAsync(work, result, "deserialize", ex, attempts: 0).ConfigureAwait(false);
            }
        }

        if (records.Count > 0)
        {
            var (failure, attempts) = await TryHandleAsync(work, readable[0], (services, ct) => invoker.HandleAsync(services, records, ct)).ConfigureAwait(false);
            if (failure is not null)
            {
                foreach (var result in readable)
                {
                    await DeadLetterAsync(work, result, "handle", failure, attempts).ConfigureAwait(false);
                }
            }
            else
            {
                Interlocked.Add(ref handled, records.Count);
            }
        }

        var offsets = raw.GroupBy(r => r.TopicPartition).Select(g => NextOffset(g.MaxBy(r => r.Offset.Value)!)).ToList();
        await work.Reader.CommitOffsetsAsync(offsets, work.Stopping).ConfigureAwait(false);
    }

    /// <summary>Runs the handler in a fresh scope per attempt under the retry pipeline; returns the last failure, if every attempt failed.</summary>
    private async Task<(Exception? Failure, int Attempts)> TryHandleAsync(
        Batch work, ConsumeResult<byte[], byte[]> first, Func<IServiceProvider, CancellationToken, ValueTask> handle)
    {
        var context = ResilienceContextPool.Shared.Get(work.Stopping);
        context.Properties.Set(Where, (first.Topic, first.Partition.Value, first.Offset.Value));
        var attempts = 0;
        try
        {
            await work.Retry.ExecuteAsync(
                async ctx =>
                {
                    attempts++;
                    var scope = scopes.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        await handle(scope.ServiceProvider, ctx.CancellationToken).ConfigureAwait(false);
                    }
                },
                context).ConfigureAwait(false);
            return (null, attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !work.Stopping.IsCancellationRequested)
        {
            return (ex, attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends the original bytes to the dead-letter topic with the failure in headers, or stops the service when there is none.</summary>
    private async Task DeadLetterAsync(Batch work, ConsumeResult<byte[], byte[]> result, string stage, Exception failure, int attempts)
    {
        var settings = work.Reader.Settings;
        if (work.DeadLetters is null)
        {
            var what = stage == "deserialize" ? "could not be read" : $"failed {attempts} time(s) in {invoker.HandlerType.Name}";
            throw new InvalidOperationException(
                $"Kafka handler '{Name}': the record at {result.Topic} [{result.Partition.Value}] @{result.Offset.Value} {what} and " +
                $"KafkaConsumerOptions.DeadLetterTopic is not set, so the handler stopped without committing it (it will be read again). " +
                $"Fix the cause, or set a DeadLetterTopic to move such records aside. Last error: {failure.Message}",
                failure);
        }

        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? [])
        {
            headers.Add(header);
        }

        Add(headers, DeadLetterHeaders.Topic, result.Topic);
        Add(headers, DeadLetterHeaders.Partition, result.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.Offset, result.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.Group, settings.GroupId);
        Add(headers, DeadLetterHeaders.Stage, stage);
        Add(headers, DeadLetterHeaders.ExceptionType, (failure is ConsumeException { InnerException: { } inner } ? inner : failure).GetType().FullName ?? "?");
        Add(headers, DeadLetterHeaders.ExceptionMessage, failure.Message);
        Add(headers, DeadLetterHeaders.Attempts, attempts.ToString(CultureInfo.InvariantCulture));
        var report = await work.DeadLetters.SendAsync(result.Message.Key, result.Message.Value, headers, work.Stopping).ConfigureAwait(false);
        if (!report.IsDelivered)
        {
            throw new KafkaException(new Error(
                report.Error!.Code,
                $"Kafka handler '{Name}' could not write the record at {result.Topic} [{result.Partition.Value}] @{result.Offset.Value} to dead-letter topic " +
                $"'{settings.DeadLetterTopic}': {report.Error.Reason}. It was not committed and will be read again."));
        }

        Interlocked.Increment(ref deadLettered);
        HandlerLog.DeadLettered(logger, Name, result.Topic, result.Partition.Value, result.Offset.Value, settings.DeadLetterTopic!, stage, failure);
    }

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));

    private static TopicPartitionOffset NextOffset(ConsumeResult<byte[], byte[]> result) =>
        new(result.TopicPartition, result.Offset.Value + 1);
}
