namespace Breadcrumb.Kafka.Flushing;

/// <summary>
/// Describes what a <see cref="FlushPolicy"/> decides on: how many records were sent since the last flush and
/// how long ago that flush (or the start of the run) was.
/// </summary>
/// <param name="SentSinceLastFlush">The records sent since the last flush, including the one just sent.</param>
/// <param name="SinceLastFlush">The time since the last flush or, before the first flush, since the run started,
/// measured with the producer's <see cref="TimeProvider"/>.</param>
/// <remarks>Policies only read this value; they never read a clock, so they can be tested with any numbers.</remarks>
public readonly record struct FlushState(int SentSinceLastFlush, TimeSpan SinceLastFlush);
