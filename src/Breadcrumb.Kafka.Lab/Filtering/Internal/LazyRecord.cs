using System.Text.Json;

namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

/// <summary>Holds one record's value bytes and deserializes them on first request; reused per message by consumers.</summary>
internal sealed class LazyRecord
{
    private BreadcrumbRecord? record;
    private bool decoded;

    public LazyRecord(byte[]? value) => Value = value;

    public byte[]? Value { get; private set; }

    public static LazyRecord FromRecord(BreadcrumbRecord record) =>
        new(JsonSerializer.SerializeToUtf8Bytes(record, BreadcrumbJsonContext.Default.BreadcrumbRecord))
        {
            record = record,
            decoded = true,
        };

    public LazyRecord Reset(byte[]? value)
    {
        Value = value;
        record = null;
        decoded = false;
        return this;
    }

    public BreadcrumbRecord? Get()
    {
        if (!decoded)
        {
            record = TryDeserialize(Value);
            decoded = true;
        }

        return record;
    }

    internal static BreadcrumbRecord? TryDeserialize(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(value, BreadcrumbJsonContext.Default.BreadcrumbRecord);
        }
        catch (JsonException)
        {
            // A value that is not a breadcrumb (another producer's data) is "no record" to a filter, not a crash.
            return null;
        }
    }
}
