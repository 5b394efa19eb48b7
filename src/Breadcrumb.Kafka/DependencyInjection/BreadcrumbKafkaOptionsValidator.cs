namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>Checks <see cref="BreadcrumbKafkaOptions"/> and builds the connection they describe.</summary>
internal static class BreadcrumbKafkaOptionsValidator
{
    private const string Type = nameof(BreadcrumbKafkaOptions);

    /// <summary>Validates every setting and returns the connection, or throws one exception listing every problem.</summary>
    /// <param name="options">The options.</param>
    /// <param name="origin">Where the options came from, e.g. "configuration section 'Kafka'", for the message; or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">One or more settings are missing or invalid; each line names its setting.</exception>
    public static KafkaConnection Validate(BreadcrumbKafkaOptions options, string? origin = null)
    {
        var (connection, message) = TryValidate(options, origin ?? options.Origin);
        return connection ?? throw new ArgumentException(message);
    }

    /// <summary>Validates every setting; returns the connection, or the message listing every problem.</summary>
    public static (KafkaConnection? Connection, string? Message) TryValidate(BreadcrumbKafkaOptions options, string? origin)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>(options.BindingProblems);
        var connection = ResolveConnection(options, problems);

        foreach (var (key, value) in options.Properties)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add($"{Type}.{nameof(options.Properties)} has an empty key: give librdkafka property names such as 'client.id'.");
            }
            else if (key.Trim() == "bootstrap.servers")
            {
                problems.Add($"{Type}.{nameof(options.Properties)} has 'bootstrap.servers': set {Type}.{nameof(options.BootstrapServers)} instead.");
            }
            else if (value is null)
            {
                problems.Add($"{Type}.{nameof(options.Properties)}['{key}'] is null: give a value or remove the key.");
            }
        }

        if (options.Topic is not null)
        {
            Check(problems, () => TopicNames.Validate(options.Topic, $"{Type}.{nameof(options.Topic)}"));
        }

        if (options.GroupId is not null && string.IsNullOrWhiteSpace(options.GroupId))
        {
            problems.Add($"{Type}.{nameof(options.GroupId)} is blank: give a consumer group id such as \"dashboard\", or leave it unset.");
        }

        if (problems.Count > 0)
        {
            var where = origin is null ? string.Empty : $" ({origin})";
            var message = problems.Count == 1
                ? problems[0] + where
                : $"{Type} has {problems.Count} problems{where}:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}";
            return (null, message);
        }

        foreach (var (key, value) in options.Properties)
        {
            connection = connection!.WithProperty(key.Trim(), value);
        }

        return (connection!, null);
    }

    private static KafkaConnection? ResolveConnection(BreadcrumbKafkaOptions options, List<string> problems)
    {
        var set = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            set.Add(nameof(options.BootstrapServers));
        }

        if (!string.IsNullOrWhiteSpace(options.ConfigFile))
        {
            set.Add(nameof(options.ConfigFile));
        }

        if (options.Connection is not null)
        {
            set.Add(nameof(options.Connection));
        }

        switch (set.Count)
        {
            case 0:
                problems.Add(
                    $"{Type}.{nameof(options.BootstrapServers)} is missing: set it (e.g. \"localhost:9092\"), or set {Type}.{nameof(options.ConfigFile)} " +
                    $"to a librdkafka.config file, or {Type}.{nameof(options.Connection)}.");
                return null;
            case > 1:
                problems.Add($"{Type}: set only one of BootstrapServers, ConfigFile and Connection (found {string.Join(" and ", set)}).");
                return null;
        }

        if (options.Connection is not null)
        {
            return options.Connection;
        }

        if (!string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            var servers = options.BootstrapServers;
            return Check(problems, () =>
            {
                KafkaConnection.ValidateBootstrapServers(servers, $"{Type}.{nameof(options.BootstrapServers)}");
                return KafkaConnection.FromBootstrapServers(servers);
            });
        }

        var file = options.ConfigFile!;
        return Check(problems, () => KafkaConnection.FromConfigFile(file), $"{Type}.{nameof(options.ConfigFile)} ('{file}') cannot be used: ");
    }

    private static KafkaConnection? Check(List<string> problems, Func<KafkaConnection> create, string prefix = "")
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or KafkaConfigFileException)
        {
            problems.Add(prefix + MessageOf(e));
            return null;
        }
    }

    private static void Check(List<string> problems, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            problems.Add(MessageOf(e));
        }
    }

    /// <summary>Gets an exception's message without the " (Parameter 'x')" suffix ArgumentException appends.</summary>
    private static string MessageOf(Exception e)
    {
        var message = e.Message;
        var suffix = e is ArgumentException { ParamName: { } name } ? $" (Parameter '{name}')" : null;
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
