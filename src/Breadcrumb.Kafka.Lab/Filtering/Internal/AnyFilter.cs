namespace Breadcrumb.Kafka.Lab.Filtering.Internal;

internal sealed class AnyFilter : IRecordFilter
{
    public string Description => "any key";

    public bool Matches(in RecordFilterInput input) => true;

    public override string ToString() => Description;
}
