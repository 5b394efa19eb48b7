using System.Globalization;

namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>The type of a config value, as DescribeConfigs v3+ reports it (the numbers are the protocol's).</summary>
internal enum ConfigType : sbyte
{
    Boolean = 1,
    String = 2,
    Int = 3,
    Short = 4,
    Long = 5,
    Double = 6,
    List = 7,
}

/// <summary>One topic config Kafka knows: its name, type, default and the values it accepts.</summary>
internal sealed record ConfigDefinition(string Name, ConfigType Type, string Default, Func<string, string?> Validate)
{
    /// <summary>Checks <paramref name="value"/>; returns null when valid, else what is wrong with it.</summary>
    public string? Check(string? value)
    {
        if (value is null)
        {
            return $"Null value not supported for topic config '{Name}'.";
        }

        var typeError = Type switch
        {
            ConfigType.Long when !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                $"Invalid value {value} for configuration {Name}: Not a number of type LONG",
            ConfigType.Int when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                $"Invalid value {value} for configuration {Name}: Not a number of type INT",
            ConfigType.Double when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                $"Invalid value {value} for configuration {Name}: Not a number of type DOUBLE",
            ConfigType.Boolean when !bool.TryParse(value, out _) =>
                $"Invalid value {value} for configuration {Name}: Expected value to be either true or false",
            _ => null,
        };
        return typeError ?? Validate(value);
    }

    public static ConfigDefinition Long(string name, long @default, long min = long.MinValue) =>
        new(name, ConfigType.Long, @default.ToString(CultureInfo.InvariantCulture), v => AtLeast(name, long.Parse(v, CultureInfo.InvariantCulture), min));

    public static ConfigDefinition Int(string name, int @default, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, ConfigType.Int, @default.ToString(CultureInfo.InvariantCulture), v =>
        {
            var parsed = int.Parse(v, CultureInfo.InvariantCulture);
            return parsed > max ? $"Invalid value {v} for configuration {name}: Value must be no more than {max}" : AtLeast(name, parsed, min);
        });

    public static ConfigDefinition Double(string name, double @default, double min, double max) =>
        new(name, ConfigType.Double, @default.ToString(CultureInfo.InvariantCulture), v =>
        {
            var parsed = double.Parse(v, CultureInfo.InvariantCulture);
            return parsed < min || parsed > max ? $"Invalid value {v} for configuration {name}: Value must be between {min} and {max}" : null;
        });

    public static ConfigDefinition Bool(string name, bool @default) =>
        new(name, ConfigType.Boolean, @default ? "true" : "false", _ => null);

    public static ConfigDefinition OneOf(string name, string @default, params string[] allowed) =>
        new(name, ConfigType.String, @default, v => allowed.Contains(v, StringComparer.Ordinal)
            ? null
            : $"Invalid value {v} for configuration {name}: String must be one of: {string.Join(", ", allowed)}");

    public static ConfigDefinition ListOf(string name, string @default, params string[] allowed) =>
        new(name, ConfigType.List, @default, v =>
        {
            var items = v.Split(',', StringSplitOptions.TrimEntries);
            var bad = items.FirstOrDefault(i => !allowed.Contains(i, StringComparer.Ordinal));
            return bad is null ? null : $"Invalid value {bad} for configuration {name}: String must be one of: {string.Join(", ", allowed)}";
        });

    public static ConfigDefinition Text(string name, string @default) => new(name, ConfigType.String, @default, _ => null);

    private static string? AtLeast(string name, long value, long min) =>
        value < min ? $"Invalid value {value} for configuration {name}: Value must be at least {min}" : null;
}
