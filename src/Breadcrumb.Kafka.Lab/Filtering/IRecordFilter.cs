namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Decides whether a consumed record is kept: a pure predicate over its key, partition and value,
/// with no client, clock or other state, so it can be unit-tested with hand-made records.
/// </summary>
/// <remarks>
/// Build filters with <see cref="RecordFilter"/> and combine them with
/// <see cref="RecordFilterExtensions.And"/>, <see cref="RecordFilterExtensions.Or"/> and
/// <see cref="RecordFilterExtensions.Not"/>. Implementations must be thread-safe: consumers in a group
/// share one filter.
/// </remarks>
public interface IRecordFilter
{
    /// <summary>Gets a short description of what the filter keeps, such as <c>key '1'</c>, used in reports.</summary>
    string Description { get; }

    /// <summary>Returns whether the record is kept.</summary>
    /// <param name="input">The record's key, partition, offset and value.</param>
    /// <returns><see langword="true"/> to keep the record; <see langword="false"/> to skip it.</returns>
    bool Matches(in RecordFilterInput input);
}
