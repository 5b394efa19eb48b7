using System.Text.Json.Serialization.Metadata;
using Breadcrumb.Kafka.Serialization.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Serialization;

/// <summary>Creates <see cref="KafkaSerde{T}"/>s: JSON from a source-generated context, UTF-8 strings, raw bytes, and Confluent adapters.</summary>
public static class KafkaSerdes
{
    /// <summary>Gets a serde for UTF-8 strings (the usual key type).</summary>
    public static KafkaSerde<string> Utf8 { get; } = new Utf8Serde();

    /// <summary>Gets a serde that passes bytes through unchanged.</summary>
    public static KafkaSerde<byte[]> ByteArray { get; } = new ByteArraySerde();

    /// <summary>Creates a System.Text.Json serde from a source-generated type (trimming- and AOT-friendly).</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="typeInfo">The type's metadata, for example <c>OrderJsonContext.Default.Order</c>.</param>
    /// <returns>A serde that writes UTF-8 JSON straight into the producer's buffer and reads it back.</returns>
    /// <remarks>Reading JSON that lacks a member marked <c>required</c> or <c>[JsonRequired]</c> throws a
    /// <see cref="System.Text.Json.JsonException"/> naming the type and the missing members.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public static KafkaSerde<T> Json<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new JsonSerde<T>(typeInfo);
    }

    /// <summary>Adapts Confluent serializers (for example Confluent.SchemaRegistry.Serdes) to a serde.</summary>
    /// <typeparam name="T">The key or value type.</typeparam>
    /// <param name="serializer">Writes values.</param>
    /// <param name="deserializer">Reads values; <see langword="null"/> for a serde that only writes.</param>
    /// <returns>The serde.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serializer"/> is <see langword="null"/>.</exception>
    public static KafkaSerde<T> FromConfluent<T>(ISerializer<T> serializer, IDeserializer<T>? deserializer = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return new ConfluentSerde<T>(serializer, deserializer);
    }

    /// <summary>Adapts a Confluent deserializer to a serde that only reads.</summary>
    /// <typeparam name="T">The key or value type.</typeparam>
    /// <param name="deserializer">Reads values.</param>
    /// <returns>The serde.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deserializer"/> is <see langword="null"/>.</exception>
    public static KafkaSerde<T> FromConfluent<T>(IDeserializer<T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        return new ConfluentSerde<T>(null, deserializer);
    }

    /// <summary>Adapts asynchronous Confluent serializers (schema registry Avro, Protobuf, JSON Schema) to a serde.</summary>
    /// <typeparam name="T">The key or value type.</typeparam>
    /// <param name="serializer">Writes values; <see langword="null"/> for a serde that only reads.</param>
    /// <param name="deserializer">Reads values; <see langword="null"/> for a serde that only writes.</param>
    /// <returns>The serde; it is <see cref="KafkaSerde{T}.IsAsynchronous"/>, so producers need <c>SendAsync</c>.</returns>
    /// <exception cref="ArgumentException">Both are <see langword="null"/>.</exception>
    public static KafkaSerde<T> FromConfluent<T>(IAsyncSerializer<T>? serializer, IAsyncDeserializer<T>? deserializer = null)
    {
        if (serializer is null && deserializer is null)
        {
            throw new ArgumentException("KafkaSerdes.FromConfluent: give a serializer, a deserializer or both (both were null).", nameof(serializer));
        }

        return new ConfluentAsyncSerde<T>(serializer, deserializer);
    }

    /// <summary>Gets the built-in serde for <typeparamref name="T"/> (strings, bytes, Confluent's numeric types), or <see langword="null"/>.</summary>
    internal static KafkaSerde<T>? BuiltIn<T>()
    {
        object? serde = typeof(T) == typeof(string) ? Utf8
            : typeof(T) == typeof(byte[]) ? ByteArray
            : typeof(T) == typeof(int) ? new ConfluentSerde<int>(Serializers.Int32, Deserializers.Int32)
            : typeof(T) == typeof(long) ? new ConfluentSerde<long>(Serializers.Int64, Deserializers.Int64)
            : typeof(T) == typeof(double) ? new ConfluentSerde<double>(Serializers.Double, Deserializers.Double)
            : typeof(T) == typeof(Null) ? new ConfluentSerde<Null>(Serializers.Null, Deserializers.Null)
            : typeof(T) == typeof(Ignore) ? new ConfluentSerde<Ignore>(null, Deserializers.Ignore)
            : null;
        return (KafkaSerde<T>?)serde;
    }
}
