using Microsoft.Extensions.Configuration;

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>
/// Reads <see cref="BreadcrumbKafkaOptions"/> from a configuration section by hand, so the library needs only
/// Microsoft.Extensions.Configuration.Abstractions (no binder package, no reflection).
/// </summary>
internal static class BreadcrumbKafkaConfigurationBinder
{
    private static readonly string[] Known =
    [
        nameof(BreadcrumbKafkaOptions.BootstrapServers),
        nameof(BreadcrumbKafkaOptions.ConfigFile),
        nameof(BreadcrumbKafkaOptions.Topic),
        nameof(BreadcrumbKafkaOptions.GroupId),
        nameof(BreadcrumbKafkaOptions.Properties),
    ];

    /// <summary>Copies the section's settings onto <paramref name="options"/>; a key that is not a setting (a typo) is
    /// noted as a problem naming it and the known ones, reported when the options are validated.</summary>
    public static void Bind(IConfiguration configuration, BreadcrumbKafkaOptions options)
    {
        options.Origin = DescribeOrigin(configuration);
        foreach (var child in configuration.GetChildren())
        {
            if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                options.BindingProblems.Add(
                    $"{DescribePath(child)} is not a {nameof(BreadcrumbKafkaOptions)} setting: use one of {string.Join(", ", Known)}.");
            }
        }

        options.BootstrapServers = configuration[nameof(BreadcrumbKafkaOptions.BootstrapServers)] ?? options.BootstrapServers;
        options.ConfigFile = configuration[nameof(BreadcrumbKafkaOptions.ConfigFile)] ?? options.ConfigFile;
        options.Topic = configuration[nameof(BreadcrumbKafkaOptions.Topic)] ?? options.Topic;
        options.GroupId = configuration[nameof(BreadcrumbKafkaOptions.GroupId)] ?? options.GroupId;
        foreach (var property in configuration.GetSection(nameof(BreadcrumbKafkaOptions.Properties)).GetChildren())
        {
            if (property.Value is null)
            {
                options.BindingProblems.Add(
                    $"{DescribePath(property)} has no value: {nameof(BreadcrumbKafkaOptions.Properties)} takes librdkafka 'name': 'value' pairs.");
                continue;
            }

            options.Properties[property.Key] = property.Value;
        }
    }

    /// <summary>Describes where the options came from, for error messages.</summary>
    public static string DescribeOrigin(IConfiguration configuration) =>
        configuration is IConfigurationSection { Path.Length: > 0 } section ? $"from configuration section '{section.Path}'" : "from configuration";

    private static string DescribePath(IConfigurationSection section) => $"Configuration key '{section.Path}'";
}
