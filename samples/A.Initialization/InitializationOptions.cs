namespace Breadcrumb.Kafka.Samples.Initialization;

/// <summary>Section A's knobs.</summary>
public sealed record InitializationOptions
{
    /// <summary>Gets an existing bcsample.json to produce from; null generates one.</summary>
    public string? Input { get; init; }

    /// <summary>Gets where a generated bcsample.json is written.</summary>
    public string Output { get; init; } = DefaultSampleFile;

    /// <summary>Gets the default path of the generated file.</summary>
    public static string DefaultSampleFile { get; } = Path.Combine(Path.GetTempPath(), "breadcrumb-kafka", "bcsample.json");
}
