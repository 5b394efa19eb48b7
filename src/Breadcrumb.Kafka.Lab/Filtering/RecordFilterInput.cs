using Breadcrumb.Kafka.Lab.Filtering.Internal;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Carries what an <see cref="IRecordFilter"/> may look at: the key, the topic partition, the offset and the
/// value, which is deserialized to a <see cref="BreadcrumbRecord"/> only when a filter asks for it.
/// </summary>
/// <remarks>
/// A key filter alone never deserializes the value. <see cref="GetRecord"/> deserializes at most once per
/// input, however many filters of a composition ask.
/// </remarks>
public readonly struct RecordFilterInput
{
    private readonly LazyRecord lazy;

    /// <summary>Initializes a new instance of the <see cref="RecordFilterInput"/> struct from raw bytes, as consumed.</summary>
    /// <param name="key">The record key, or <see langword="null"/> when the record has none.</param>
    /// <param name="partition">The partition the record came from.</param>
    /// <param name="offset">The record's offset in that partition.</param>
    /// <param name="value">The value bytes (UTF-8 JSON of a <see cref="BreadcrumbRecord"/>), or <see langword="null"/>.</param>
    public RecordFilterInput(string? key, int partition, long offset, byte[]? value)
        : this(key, partition, offset, new LazyRecord(value))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordFilterInput"/> struct from a record, for tests of filters.</summary>
    /// <param name="key">The record key, or <see langword="null"/> when the record has none.</param>
    /// <param name="partition">The partition the record came from.</param>
    /// <param name="record">The record.</param>
    /// <param name="offset">The record's offset; defaults to 0.</param>
    public RecordFilterInput(string? key, int partition, BreadcrumbRecord record, long offset = 0)
        : this(key, partition, offset, LazyRecord.FromRecord(record ?? throw new ArgumentNullException(nameof(record))))
    {
    }

    internal RecordFilterInput(string? key, int partition, long offset, LazyRecord lazy)
    {
        Key = key;
        Topic = string.Empty;
        Partition = partition;
        Offset = offset;
        this.lazy = lazy;
    }

    /// <summary>Gets the record key, or <see langword="null"/> when the record has none.</summary>
    public string? Key { get; }

    /// <summary>Gets the partition the record came from.</summary>
    public int Partition { get; }

    /// <summary>Gets the record's offset in its partition.</summary>
    public long Offset { get; }

    /// <summary>Gets the topic the record was read from; empty when the input was made by hand.</summary>
    public string Topic { get; init; }

    /// <summary>Gets the record's timestamp; <see langword="default"/> when the input was made by hand.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the record's headers; <see langword="null"/> when it has none or the input was made by hand.</summary>
    public Confluent.Kafka.Headers? Headers { get; init; }

    /// <summary>Gets the raw value bytes (empty for a record with no value).</summary>
    public ReadOnlyMemory<byte> Value => lazy?.Value;

    /// <summary>Deserializes the value to a <see cref="BreadcrumbRecord"/> (once; later calls reuse it).</summary>
    /// <returns>The record, or <see langword="null"/> when the value is missing or is not a breadcrumb JSON object.</returns>
    public BreadcrumbRecord? GetRecord() => lazy?.Get();
}
