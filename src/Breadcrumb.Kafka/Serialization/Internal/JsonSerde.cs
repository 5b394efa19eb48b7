using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization.Internal;

/// <summary>System.Text.Json over a source-generated <see cref="JsonTypeInfo{T}"/>, one reused writer per thread.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class JsonSerde<T>(JsonTypeInfo<T> typeInfo) : KafkaSerde<T>
{
    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    [ThreadStatic]
    private static JsonSerializerOptions? cachedOptions;

    public JsonTypeInfo<T> TypeInfo { get; } = typeInfo;

    public override void Serialize(T value, IBufferWriter<byte> output, SerializationContext context)
    {
        var writer = WriterFor(output);
        JsonSerializer.Serialize(writer, value, TypeInfo);
    }

    public override T Deserialize(ReadOnlySpan<byte> data, SerializationContext context) =>
        JsonSerializer.Deserialize(data, TypeInfo)!;

    private Utf8JsonWriter WriterFor(IBufferWriter<byte> output)
    {
        var options = TypeInfo.Options;
        if (cachedWriter is { } writer && ReferenceEquals(cachedOptions, options))
        {
            writer.Reset(output);
            return writer;
        }

        // Validation is the serializer's job (it writes well-formed JSON); the writer need not check it twice.
        cachedWriter = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            MaxDepth = options.MaxDepth,
            SkipValidation = true,
        });
        cachedOptions = options;
        return cachedWriter;
    }
}
