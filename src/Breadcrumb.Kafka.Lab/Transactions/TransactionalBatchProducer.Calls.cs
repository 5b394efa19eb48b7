using Breadcrumb.Kafka.Lab.Transactions.Client;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <content>Calls into Confluent's transactional API: off the caller's context, with retries, fatal errors made final.</content>
public sealed partial class TransactionalBatchProducer
{
    private static bool IsFatal(Error error) =>
        error.IsFatal || TransactionalProducerFatalException.IsFencing(error)
        || error.Code is ErrorCode.Local_Fatal or ErrorCode.TransactionalIdAuthorizationFailed;

    /// <summary>
    /// Runs one blocking transactional call on the thread pool. As Confluent's transactional guidance says, a retriable
    /// error calls it again (bounded), a fatal one ends the producer, and anything else (abortable included) is thrown.
    /// </summary>
    private async Task CallAsync(string operation, Action<ITransactionalClient> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Task.Run(() => call(client), CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (KafkaException ex) when (ex is not TransactionalProducerFatalException && IsFatal(ex.Error))
            {
                throw Fail(ex.Error, ex);
            }
            catch (KafkaRetriableException ex)
            {
                if (attempt >= maxRetries)
                {
                    throw new KafkaException(
                        new Error(ex.Error.Code, $"{operation} failed with a retriable error {attempt + 1} times (MaxRetries = {maxRetries}); last: {ex.Error.Reason}"),
                        ex);
                }

                await Task.Delay(retryBackoff, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TransactionalProducerFatalException Fail(Error error, Exception innerException)
    {
        fatal ??= new TransactionalProducerFatalException(transactionalId, error, innerException);
        return fatal;
    }
}
