using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka;

/// <summary>
/// Provides the source-generated System.Text.Json metadata for <see cref="BreadcrumbRecord"/>,
/// so serialization needs no reflection and writes UTF-8 directly.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Default,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(BreadcrumbRecord))]
public sealed partial class BreadcrumbJsonContext : JsonSerializerContext
{
}
