using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.Samples;

/// <summary>The command-line values every lab sample shares.</summary>
public sealed record SampleSettings
{
    /// <summary>The lab's topic name.</summary>
    public const string DefaultTopic = "wk3-separate-topic";

    /// <summary>The lab's partition count.</summary>
    public const int DefaultPartitions = 6;

    /// <summary>Gets the <c>librdkafka.config</c> file (<c>-f</c>), or null.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Gets the bootstrap servers (<c>--bootstrap-servers</c>), or null.</summary>
    public string? BootstrapServers { get; init; }

    /// <summary>Gets the topic (<c>-t</c>).</summary>
    public string Topic { get; init; } = DefaultTopic;

    /// <summary>Gets the number of records each producer sends (<c>--records</c>).</summary>
    public int Records { get; init; } = 1000;

    /// <summary>Gets the seed for generated records, keys and coin flips (<c>--seed</c>).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Gets a value indicating whether one JSON summary goes to stdout (<c>--json</c>).</summary>
    public bool Json { get; init; }

    /// <summary>Gets a value indicating whether errors show their stack trace (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    /// <summary>Gets a value indicating whether the lab's waits are shortened (<c>--quick</c>).</summary>
    public bool Quick { get; init; }

    /// <summary>Gets how long a consumer waits with nothing new before it decides the topic is drained.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
