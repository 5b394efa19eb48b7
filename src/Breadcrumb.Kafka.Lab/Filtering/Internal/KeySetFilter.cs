using System.Collections.Frozen;

namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

internal sealed class KeySetFilter : IRecordFilter
{
    private readonly FrozenSet<string> keys;

    public KeySetFilter(IEnumerable<string> keys)
    {
        this.keys = keys.ToFrozenSet(StringComparer.Ordinal);
        Description = "keys " + string.Join(", ", this.keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));
    }

    public string Description { get; }

    public bool Matches(in RecordFilterInput input) => input.Key is { } key && keys.Contains(key);

    public override string ToString() => Description;
}
