namespace Breadcrumb.Kafka.Broker.Tool.CommandLine;

/// <summary>Reads <c>--topic name[:partitions[:key=value,...]]</c>.</summary>
internal static class TopicSpecParser
{
    private const int MaxNameLength = 249;

    public static TopicSpec? Parse(string option, string text, List<string> errors)
    {
        var parts = text.Split(':', 3);
        var name = parts[0];
        if (!IsValidName(name))
        {
            errors.Add($"{option} needs a topic name of 1 to {MaxNameLength} characters among a-z, A-Z, 0-9, '.', '_' and '-', not '.' or '..', "
                + $"as in {option} orders:3:retention.ms=60000 (was '{text}').");
            return null;
        }

        int? partitions = null;
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            partitions = ValueParsers.Int($"{option} {name}: the partition count", parts[1], 1, int.MaxValue, errors);
            if (partitions is null)
            {
                return null;
            }
        }

        var configs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts.Length > 2 && !ReadConfigs(option, name, parts[2], configs, errors))
        {
            return null;
        }

        return new TopicSpec(name, partitions, configs);
    }

    /// <summary>
    /// Reads <c>key=value,key=value</c>. A piece without '=' continues the previous value, because some Kafka
    /// configs are lists themselves: <c>cleanup.policy=compact,delete</c>.
    /// </summary>
    private static bool ReadConfigs(string option, string topic, string text, Dictionary<string, string> configs, List<string> errors)
    {
        string? last = null;
        foreach (var piece in text.Split(','))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && last is not null)
            {
                configs[last] += "," + piece;
                continue;
            }

            var key = equals < 0 ? piece : piece[..equals];
            if (equals <= 0 || configs.ContainsKey(key))
            {
                var problem = equals < 0 ? $"'{piece}' has no '='" : equals == 0 ? $"'{piece}' has no key" : $"'{key}' is given twice";
                errors.Add($"{option} {topic}: configs must be key=value pairs separated by ',', as in retention.ms=60000,cleanup.policy=compact; {problem}.");
                return false;
            }

            configs[key] = piece[(equals + 1)..];
            last = key;
        }

        return true;
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name is not ("." or "..")
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
