namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

internal sealed class KeyFilter(string key) : IRecordFilter
{
    public string Key { get; } = key;

    public string Description => $"key '{Key}'";

    public bool Matches(in RecordFilterInput input) => string.Equals(input.Key, Key, StringComparison.Ordinal);

    public override string ToString() => Description;
}
