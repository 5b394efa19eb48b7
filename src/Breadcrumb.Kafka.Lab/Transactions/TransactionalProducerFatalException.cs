using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Reports that a <see cref="TransactionalBatchProducer"/> can no longer be used: it was fenced by a newer producer with the
/// same <c>transactional.id</c>, or Kafka reported a fatal error. <see cref="KafkaException.Error"/> carries the Kafka error code.
/// </summary>
/// <remarks>The only way on is to dispose the producer and create a new one.</remarks>
public sealed class TransactionalProducerFatalException : KafkaException
{
    /// <summary>Initializes a new instance of the <see cref="TransactionalProducerFatalException"/> class.</summary>
    /// <param name="transactionalId">The producer's transactional id.</param>
    /// <param name="error">The Kafka error that ended the producer.</param>
    /// <param name="innerException">The exception Confluent.Kafka threw, if any.</param>
    public TransactionalProducerFatalException(string transactionalId, Error error, Exception? innerException = null)
        : base(new Error((error ?? throw new ArgumentNullException(nameof(error))).Code, Describe(transactionalId, error), isFatal: true), innerException)
    {
        TransactionalId = transactionalId;
        IsFenced = IsFencing(error);
    }

    /// <summary>Gets the transactional id of the producer that can no longer be used.</summary>
    public string TransactionalId { get; }

    /// <summary>Gets a value indicating whether another producer with the same transactional id fenced this one.</summary>
    public bool IsFenced { get; }

    internal static bool IsFencing(Error error) =>
        error.Code is ErrorCode.ProducerFenced or ErrorCode.InvalidProducerEpoch or ErrorCode.Local_Fenced
        || (error.Code == ErrorCode.Local_Fatal && error.Reason.Contains("fenced", StringComparison.OrdinalIgnoreCase));

    private static string Describe(string transactionalId, Error error)
    {
        var code = $"Kafka error {error.Code} ({(int)error.Code}): {error.Reason}";
        return IsFencing(error)
            ? $"Transactional producer '{transactionalId}' was fenced ({code}). Another producer with transactional.id '{transactionalId}' "
              + "started (called InitTransactions) after this one; Kafka lets only the newest one write, so this one can no longer be used. "
              + "Dispose it; run one producer instance per transactional.id, and create a new producer only if this process should take over."
            : $"Transactional producer '{transactionalId}' hit a fatal error ({code}); it can no longer be used. "
              + "Dispose it and create a new producer; if this repeats, check the broker's transaction settings and the ACLs for this transactional.id.";
    }
}
