// docs/getting-started.md, "Your record type": a record of your own, with a source-generated JSON context.
using System.Text.Json.Serialization;

public sealed record Order(int Id, string Product, decimal Amount);

// RespectRequiredConstructorParameters: JSON without "Id", "Product" or "Amount" is an error naming Order and the field.
[JsonSourceGenerationOptions(RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Order))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
