namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Fills in the lab's defaults, which are not Kafka's: <c>linger.ms=0</c> for the producer, new groups reading from the
/// earliest offset and stopping after 10 s with nothing new, and transactions of 4 records decided after 2 s. Opt in
/// per options object; the samples do. Only what the caller left unset is filled.
/// </summary>
/// <example>
/// <code>
/// var options = LabPreset.Apply(new KeyFilteredConsumerOptions { Topic = "breadcrumbs", GroupId = "lab-a" });
/// // options.AutoOffsetReset == Earliest, options.IdleTimeout == 10 s
/// </code>
/// </example>
public static class LabPreset
{
    /// <summary>Sets <see cref="BreadcrumbProducerOptions.Linger"/> to zero unless set: the lab awaits each record, so linger is pure delay.</summary>
    /// <param name="options">The options to fill.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static BreadcrumbProducerOptions Apply(BreadcrumbProducerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Linger ??= BreadcrumbProducerDefaults.LabLinger;
        return options;
    }

    /// <summary>Sets <see cref="KeyFilteredConsumerOptions.AutoOffsetReset"/> to Earliest and <see cref="KeyFilteredConsumerOptions.IdleTimeout"/> to 10 s, unless set.</summary>
    /// <param name="options">The options to fill.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static KeyFilteredConsumerOptions Apply(KeyFilteredConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApplyLabDefaults();
        return options;
    }

    /// <summary>Sets <see cref="TransactionalBatchOptions.BatchSize"/> to 4 and <see cref="TransactionalBatchOptions.DecisionDelay"/> to 2 s, unless set.</summary>
    /// <param name="options">The options to fill.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static TransactionalBatchOptions Apply(TransactionalBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApplyLabDefaults();
        return options;
    }
}
