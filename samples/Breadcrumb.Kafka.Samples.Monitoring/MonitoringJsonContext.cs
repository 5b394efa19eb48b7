using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>The source-generated JSON context for snapshots (camelCase for the page).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MonitoringSnapshot))]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext;
