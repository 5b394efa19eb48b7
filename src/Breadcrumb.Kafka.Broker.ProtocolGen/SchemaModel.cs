namespace Breadcrumb.Kafka.Broker.ProtocolGen;

/// <summary>An inclusive version range; <see cref="Max"/> is short.MaxValue for an open end ("3+").</summary>
internal readonly record struct VersionSpan(short Min, short Max)
{
    public static readonly VersionSpan All = new(0, short.MaxValue);
    public static readonly VersionSpan None = new(1, 0);

    public bool IsEmpty => Min > Max;

    public bool Contains(short version) => version >= Min && version <= Max;

    public VersionSpan Intersect(VersionSpan other) => new(Math.Max(Min, other.Min), Math.Min(Max, other.Max));

    public static VersionSpan Parse(string text, string where)
    {
        if (text == "none")
        {
            return None;
        }

        if (text.EndsWith('+'))
        {
            return new(ParseShort(text[..^1], where), short.MaxValue);
        }

        var dash = text.IndexOf('-');
        if (dash > 0)
        {
            return new(ParseShort(text[..dash], where), ParseShort(text[(dash + 1)..], where));
        }

        var single = ParseShort(text, where);
        return new(single, single);
    }

    public override string ToString() => IsEmpty ? "none" : Max == short.MaxValue ? $"{Min}+" : Min == Max ? $"{Min}" : $"{Min}-{Max}";

    private static short ParseShort(string text, string where) =>
        short.TryParse(text, out var value) && value >= 0 ? value : throw new SchemaException($"{where}: '{text}' is not a version.");
}

/// <summary>One field of a message or struct, as the schema file declares it.</summary>
internal sealed class FieldSchema
{
    public required string Name { get; init; }

    /// <summary>Gets the element type for arrays ("int32", "Topic"), else the type itself.</summary>
    public required string Type { get; init; }

    public required bool IsArray { get; init; }

    public required VersionSpan Versions { get; init; }

    public VersionSpan NullableVersions { get; init; } = VersionSpan.None;

    public int? Tag { get; init; }

    public string? Default { get; init; }

    /// <summary>Gets the struct the field's type names, once resolved (null for primitives).</summary>
    public StructSchema? Struct { get; set; }

    public required int Line { get; init; }

    public bool IsTagged => Tag is not null;
}

/// <summary>A struct: the message body itself, an element type of an array, or a shared struct.</summary>
internal sealed class StructSchema
{
    public required string Name { get; init; }

    public List<FieldSchema> Fields { get; } = [];

    /// <summary>Gets the C# name to refer to the struct by from generated code.</summary>
    public string CSharpName { get; set; } = "";
}

/// <summary>One API: its key, versions, and the request and response bodies.</summary>
internal sealed class ApiSchema
{
    public required string Name { get; init; }

    public required short Key { get; init; }

    public required VersionSpan Versions { get; init; }

    public required VersionSpan Flexible { get; init; }

    public required string File { get; init; }

    public List<string> Comment { get; } = [];

    public StructSchema? Request { get; set; }

    public StructSchema? Response { get; set; }

    /// <summary>Gets the structs declared with <c>struct Name</c>, usable from both request and response.</summary>
    public List<StructSchema> SharedStructs { get; } = [];

    /// <summary>Gets the structs declared inline under the request, in declaration order.</summary>
    public List<StructSchema> RequestStructs { get; } = [];

    /// <summary>Gets the structs declared inline under the response, in declaration order.</summary>
    public List<StructSchema> ResponseStructs { get; } = [];
}

/// <summary>A schema file that cannot be generated: says which file, line and what is wrong.</summary>
internal sealed class SchemaException(string message) : Exception(message);
