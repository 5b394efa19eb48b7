using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>
/// Applies AlterConfigs (replace every override) and IncrementalAlterConfigs (SET, DELETE, APPEND, SUBTRACT one
/// by one) to a topic: all are checked first, so a request either changes everything it asks for or nothing.
/// </summary>
internal static class TopicConfigChange
{
    public const sbyte Set = 0;
    public const sbyte Delete = 1;
    public const sbyte Append = 2;
    public const sbyte Subtract = 3;

    public static (ErrorCode Error, string? Message) Replace(TopicState topic, IEnumerable<(string Name, string? Value)> configs, bool validateOnly)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in configs)
        {
            if (TopicConfigCatalog.Check(name, value) is { } bad)
            {
                return (ErrorCode.InvalidConfig, bad);
            }

            overrides[name] = value!;
        }

        return Commit(topic, overrides, validateOnly);
    }

    public static (ErrorCode Error, string? Message) Apply(TopicState topic, IEnumerable<(string Name, sbyte Operation, string? Value)> changes, bool validateOnly)
    {
        var overrides = new Dictionary<string, string>(topic.Config.Overrides, StringComparer.Ordinal);
        foreach (var (name, operation, value) in changes)
        {
            var definition = TopicConfigCatalog.Find(name);
            if (definition is null)
            {
                return (ErrorCode.InvalidConfig, $"Unknown topic config name: {name}");
            }

            switch (operation)
            {
                case Set:
                    if (definition.Check(value) is { } bad)
                    {
                        return (ErrorCode.InvalidConfig, bad);
                    }

                    overrides[name] = value!;
                    break;
                case Delete:
                    overrides.Remove(name);
                    break;
                case Append or Subtract when definition.Type != ConfigType.List:
                    return (ErrorCode.InvalidConfig, $"Config value append is not allowed for config key: {name}");
                case Append or Subtract:
                    var current = topic.Config.With(overrides).Describe(definition).Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
                    var items = (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var next = operation == Append ? current.Concat(items.Where(i => !current.Contains(i))).ToList() : current.Where(i => !items.Contains(i)).ToList();
                    var joined = string.Join(',', next);
                    if (definition.Check(joined) is { } badList)
                    {
                        return (ErrorCode.InvalidConfig, badList);
                    }

                    overrides[name] = joined;
                    break;
                default:
                    return (ErrorCode.InvalidRequest, $"Unknown config operation {operation} for {name} (SET 0, DELETE 1, APPEND 2, SUBTRACT 3).");
            }
        }

        return Commit(topic, overrides, validateOnly);
    }

    private static (ErrorCode, string?) Commit(TopicState topic, Dictionary<string, string> overrides, bool validateOnly)
    {
        if (!validateOnly)
        {
            topic.Config = topic.Config.With(overrides);
        }

        return (ErrorCode.None, null);
    }
}
