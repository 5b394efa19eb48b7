namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes the record a <see cref="KeyStrategy"/> chooses a key for.</summary>
/// <param name="Record">The record about to be sent.</param>
/// <param name="Index">The 0-based position of the record among all records this producer has sent.</param>
/// <param name="ProducerName">The producer's <see cref="BreadcrumbProducerOptions.Name"/>, e.g. <c>producer0</c>.</param>
public readonly record struct KeyContext(BreadcrumbRecord Record, long Index, string ProducerName);
