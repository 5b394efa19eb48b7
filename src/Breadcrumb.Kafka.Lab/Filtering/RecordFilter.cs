using Breadcrumb.Kafka.Lab.Filtering.Internal;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Creates the standard <see cref="IRecordFilter"/>s: any record, one key, a key set, or a custom predicate.</summary>
/// <example>
/// <code>
/// var onlyOneOrTwo = RecordFilter.Keys("1", "2");
/// var slowBus = RecordFilter.Key("3").And(RecordFilter.WhereRecord(r => r.Velocity == "0", "stopped"));
/// </code>
/// </example>
public static class RecordFilter
{
    /// <summary>Gets a filter that keeps every record.</summary>
    public static IRecordFilter Any { get; } = new AnyFilter();

    /// <summary>Creates a filter that keeps records whose key equals <paramref name="key"/> (ordinal comparison).</summary>
    /// <param name="key">The key to keep, e.g. <c>"1"</c>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static IRecordFilter Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new KeyFilter(key);
    }

    /// <summary>Creates a filter that keeps records whose key is one of <paramref name="keys"/> (ordinal comparison).</summary>
    /// <param name="keys">The keys to keep; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> or one of its keys is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="keys"/> is empty.</exception>
    public static IRecordFilter Keys(params IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException(
                "RecordFilter.Keys needs at least one key (was an empty set). Pass the keys to keep, e.g. Keys(\"1\", \"2\"), or use RecordFilter.Any to keep every record.",
                nameof(keys));
        }

        if (list.Any(k => k is null))
        {
            throw new ArgumentNullException(nameof(keys), "RecordFilter.Keys got a null key; a key filter compares non-null keys.");
        }

        return list.Distinct(StringComparer.Ordinal).Count() == 1 ? new KeyFilter(list[0]) : new KeySetFilter(list);
    }

    /// <summary>Creates a filter from a predicate over the key, partition, offset and (on request) record.</summary>
    /// <param name="predicate">Returns <see langword="true"/> to keep the record. Must be pure and thread-safe.</param>
    /// <param name="description">What the predicate keeps, for reports (e.g. <c>"partition 3"</c>).</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    public static IRecordFilter Where(Func<RecordFilterInput, bool> predicate, string description = "a custom condition")
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new PredicateFilter(predicate, description);
    }

    /// <summary>Creates a filter from a predicate over the deserialized <see cref="BreadcrumbRecord"/>.</summary>
    /// <param name="predicate">Returns <see langword="true"/> to keep the record. Must be pure and thread-safe.</param>
    /// <param name="description">What the predicate keeps, for reports (e.g. <c>"vehicle 1776"</c>).</param>
    /// <returns>The filter; records with no value, or a value that is not a breadcrumb, are skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    public static IRecordFilter WhereRecord(Func<BreadcrumbRecord, bool> predicate, string description = "a custom record condition")
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new PredicateFilter(input => input.GetRecord() is { } record && predicate(record), description);
    }
}
