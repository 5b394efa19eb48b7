using System.Globalization;

namespace Breadcrumb.Kafka;

/// <summary>
/// Parses a <c>librdkafka.config</c> properties file the way Confluent's examples (<c>ccloud_lib.read_ccloud_config</c>) do:
/// <c>key=value</c> lines split at the first <c>=</c>, both sides trimmed, <c>#</c> comment lines and blank lines ignored.
/// </summary>
/// <remarks>
/// Stricter than Confluent's reader: no '=', an empty key or value, a key given twice, or a key librdkafka does not know
/// (unless plugins are loaded) is an error. Messages never quote values.
/// </remarks>
internal static class LibrdkafkaConfigParser
{
    /// <summary>Schema Registry settings Confluent writes into the same file; Kafka clients reject them, so Confluent's examples pop them.</summary>
    public static readonly IReadOnlySet<string> SchemaRegistryKeys =
        new HashSet<string>(["schema.registry.url", "basic.auth.credentials.source", "basic.auth.user.info"], StringComparer.Ordinal);

    /// <summary>Parses the lines of a config file into properties, remembering each key's line.</summary>
    /// <exception cref="KafkaConfigFileException">A line is malformed.</exception>
    public static (Dictionary<string, string> Properties, Dictionary<string, int> Lines) Parse(IEnumerable<string> lines, string path)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw Error(path, number, null, "the line has no '='", "Write each setting as key=value, or start the line with '#' to make it a comment.");
            }

            var key = line[..equals].TrimEnd();
            var value = line[(equals + 1)..].TrimStart();
            if (key.Length == 0)
            {
                throw Error(path, number, null, "the line starts with '=' so it has no key", "Write the setting as key=value, e.g. 'sasl.username=<API key>'.");
            }

            if (key.Any(char.IsWhiteSpace))
            {
                throw Error(path, number, key, $"the key '{key}' contains whitespace", "librdkafka keys are dotted names such as 'sasl.mechanisms'.");
            }

            if (value.Length == 0)
            {
                throw Error(path, number, key, $"{key} has an empty value", "Give it a value or remove the line.");
            }

            if (keyLines.TryGetValue(key, out var first))
            {
                throw Error(path, number, key, Invariant($"{key} is set again (first on line {first})"), "Keep only one of the two lines.");
            }

            keyLines[key] = number;
            properties[key] = value;
        }

        return (properties, keyLines);
    }

    /// <summary>Builds the connection from parsed properties, without the Schema Registry settings.</summary>
    /// <exception cref="KafkaConfigFileException">A key is unknown, or <c>bootstrap.servers</c> is missing or malformed.</exception>
    public static KafkaConnection ToConnection(Dictionary<string, string> properties, Dictionary<string, int> lines, string path)
    {
        // Plugins (e.g. Confluent's monitoring interceptor) add properties librdkafka's own list does not have.
        if (!properties.ContainsKey("plugin.library.paths"))
        {
            var unknown = lines.Where(l => !SchemaRegistryKeys.Contains(l.Key) && !LibrdkafkaProperties.IsKnown(l.Key)).OrderBy(l => l.Value).FirstOrDefault();
            if (unknown.Key is { } key)
            {
                var hint = LibrdkafkaProperties.Suggest(key) is { } suggestion
                    ? $"Did you mean '{suggestion}'?"
                    : "Check the spelling against librdkafka's CONFIGURATION.md, or remove the line.";
                throw Error(path, unknown.Value, key, $"'{key}' is not a librdkafka property", hint);
            }
        }

        if (!properties.ContainsKey("bootstrap.servers"))
        {
            throw new KafkaConfigFileException(
                path,
                null,
                "bootstrap.servers",
                $"{path}: bootstrap.servers is missing. Add a line such as 'bootstrap.servers=pkc-xxxxx.us-west4.gcp.confluent.cloud:9092' (Confluent Cloud shows it under Cluster settings).");
        }

        var kafka = properties.Where(p => !SchemaRegistryKeys.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
        try
        {
            return KafkaConnection.FromProperties(kafka, path);
        }
        catch (ArgumentException ex)
        {
            throw Error(path, lines["bootstrap.servers"], "bootstrap.servers", "bootstrap.servers is not a host:port list", ex.Message, ex);
        }
    }

    private static KafkaConfigFileException Error(string path, int line, string? key, string what, string fix, Exception? inner = null) =>
        new(path, line, key, Invariant($"{path} line {line}: {what}. {fix}"), inner);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
