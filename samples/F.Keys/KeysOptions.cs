namespace Breadcrumb.Kafka.Samples.Keys;

/// <summary>Section F's knobs.</summary>
public sealed record KeysOptions
{
    /// <summary>Gets the keys read together (the lab's "subset of keys").</summary>
    public IReadOnlyList<string> KeySet { get; init; } = ["1", "3"];

    /// <summary>Gets the key that has no records (the lab's "100").</summary>
    public string MissingKey { get; init; } = "100";
}
