namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

internal sealed class PredicateFilter(Func<RecordFilterInput, bool> predicate, string description) : IRecordFilter
{
    public string Description { get; } = description;

    public bool Matches(in RecordFilterInput input) => predicate(input);

    public override string ToString() => Description;
}
