namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, unlike <see cref="Progress{T}"/>,
/// which posts to a captured context: samples record the time of each delivery report as it arrives.
/// </summary>
/// <typeparam name="T">The report type.</typeparam>
/// <param name="handler">Called for each report; must be thread-safe.</param>
public sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => handler(value);
}
