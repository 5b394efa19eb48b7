using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka.Samples;

/// <summary>The JSON settings of the <c>--json</c> contract: camelCase names, indented.</summary>
public static class SampleJson
{
    /// <summary>Gets the serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serializes a section summary with its own section's fields.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>One JSON object.</returns>
    public static string Serialize(SectionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonSerializer.Serialize(summary, summary.GetType(), Options);
    }
}
