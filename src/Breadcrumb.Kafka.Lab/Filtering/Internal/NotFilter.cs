namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

internal sealed class NotFilter(IRecordFilter inner) : IRecordFilter
{
    public IRecordFilter Inner { get; } = inner;

    public string Description { get; } = $"not ({inner.Description})";

    public bool Matches(in RecordFilterInput input) => !Inner.Matches(input);

    public override string ToString() => Description;
}
