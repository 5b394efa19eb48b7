namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

internal sealed class AndFilter(IRecordFilter first, IRecordFilter second) : IRecordFilter
{
    public string Description { get; } = $"({first.Description}) and ({second.Description})";

    public bool Matches(in RecordFilterInput input) => first.Matches(input) && second.Matches(input);

    public override string ToString() => Description;
}
