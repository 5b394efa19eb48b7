namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Pauses a run after every <see cref="Every"/>-th record for <see cref="Duration"/>, like the lab's
/// "wait 2 seconds after every 5th record" (section G).
/// </summary>
/// <param name="Every">How many records between pauses; at least 1.</param>
/// <param name="Duration">How long to pause; more than zero and at most one hour.</param>
/// <remarks>The pause waits on the producer's <see cref="BreadcrumbProducerOptions.TimeProvider"/>.</remarks>
public sealed record PauseRule(int Every, TimeSpan Duration)
{
    internal void Validate()
    {
        if (Every < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Every), Every, $"BreadcrumbProducerOptions.Pause.Every must be at least 1 (was {Every}).");
        }

        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Duration), Duration, $"BreadcrumbProducerOptions.Pause.Duration must be more than zero and at most 1 hour (was {Duration}).");
        }
    }
}
