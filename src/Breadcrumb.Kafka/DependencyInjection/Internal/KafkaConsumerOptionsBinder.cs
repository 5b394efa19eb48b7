using System.Globalization;
using Breadcrumb.Kafka.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>Reads a hosted handler's <see cref="KafkaConsumerOptions{TKey, TValue}"/> from a configuration section by hand (no reflection binder).</summary>
internal static class KafkaConsumerOptionsBinder
{
    private static readonly string[] Known =
    [
        "Topics", "GroupId", "Name", "AutoOffsetReset", "MaxBatchSize", "MaxBatchWait", "RetryCount", "RetryDelay", "DeadLetterTopic",
    ];

    /// <summary>Copies the section's settings onto <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A key is not a setting, or a value does not parse; the message names the key and the section.</exception>
    public static void Bind<TKey, TValue>(IConfiguration section, KafkaConsumerOptions<TKey, TValue> options)
    {
        foreach (var child in section.GetChildren())
        {
            if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Configuration key '{child.Path}' is not a KafkaConsumerOptions setting: use one of {string.Join(", ", Known)}.");
            }
        }

        foreach (var topic in section.GetSection("Topics").GetChildren().Select(c => c.Value).OfType<string>())
        {
            options.Topics.Add(topic);
        }

        options.GroupId = section["GroupId"] ?? options.GroupId;
        options.Name = section["Name"] ?? options.Name;
        options.DeadLetterTopic = section["DeadLetterTopic"] ?? options.DeadLetterTopic;
        options.AutoOffsetReset = Parse(section, "AutoOffsetReset", s => Enum.Parse<AutoOffsetReset>(s, ignoreCase: true), options.AutoOffsetReset, "Earliest, Latest or Error");
        options.MaxBatchSize = Parse(section, "MaxBatchSize", s => int.Parse(s, CultureInfo.InvariantCulture), options.MaxBatchSize, "a whole number such as 100");
        options.RetryCount = Parse(section, "RetryCount", s => int.Parse(s, CultureInfo.InvariantCulture), options.RetryCount, "a whole number such as 3");
        options.MaxBatchWait = Parse(section, "MaxBatchWait", s => TimeSpan.Parse(s, CultureInfo.InvariantCulture), options.MaxBatchWait, "a time span such as \"00:00:00.100\"");
        options.RetryDelay = Parse(section, "RetryDelay", s => TimeSpan.Parse(s, CultureInfo.InvariantCulture), options.RetryDelay, "a time span such as \"00:00:00.200\"");
    }

    private static T Parse<T>(IConfiguration section, string key, Func<string, T> parse, T current, string expected)
    {
        if (section[key] is not { } text)
        {
            return current;
        }

        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            var path = section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
            throw new ArgumentException($"Configuration key '{path}' is '{text}': expected {expected}.", ex);
        }
    }
}
