namespace Breadcrumb.Kafka.Samples;

/// <summary>Asks several <see cref="IStoredBytesReporter"/>s in order and takes the first answer; remembers which one gave it.</summary>
/// <param name="sources">The reporters, each with a description of where its bytes come from, best first.</param>
public sealed class StoredBytesSources(IReadOnlyList<(IStoredBytesReporter Reporter, string Description)> sources) : IStoredBytesReporter
{
    private volatile string? lastSource;

    /// <summary>Gets where the last answer came from, or null when no reporter answered yet.</summary>
    public string? LastSource => lastSource;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<int, long>?> GetStoredBytesAsync(string topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (reporter, description) in sources)
        {
            if (await reporter.GetStoredBytesAsync(topic, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                lastSource = description;
                return bytes;
            }
        }

        return null;
    }
}
