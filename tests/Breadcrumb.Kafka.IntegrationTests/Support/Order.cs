using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka.IntegrationTests.Support;

/// <summary>A record type of the test's own, as a user of the library would define it.</summary>
public sealed record Order(int Id, string Item, decimal Amount)
{
    /// <summary>Gets a value that makes the handler under test throw when set.</summary>
    public bool Poison { get; init; }
}

/// <summary>The source-generated JSON context for <see cref="Order"/>, with its constructor parameters required.</summary>
[JsonSourceGenerationOptions(RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Order))]
public sealed partial class OrderJsonContext : JsonSerializerContext;
