namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>
/// Answers the admin requests the mock lacks, from their non-flexible versions: CreateTopics v0–4, DeleteTopics v0–3,
/// DeleteRecords v0–1 and DescribeConfigs v0–1. Each reads the request body and writes the response body.
/// </summary>
internal static class AdminMessages
{
    /// <summary>Partitions of a topic created with num_partitions = -1: the mock's own default.</summary>
    public const int DefaultPartitions = EmbeddedKafkaDefaults.AutoCreatedPartitions;

    private const short InvalidPartitions = 37;

    /// <summary>Gets the admin APIs and versions the layer answers, for the ApiVersions response.</summary>
    public static IReadOnlyList<ApiVersionRange> Supported { get; } =
    [
        new((short)KafkaApiKey.CreateTopics, 0, 4),
        new((short)KafkaApiKey.DeleteTopics, 0, 3),
        new((short)KafkaApiKey.DeleteRecords, 0, 1),
        new((short)KafkaApiKey.DescribeConfigs, 0, 1),
    ];

    public static bool Answers(short apiKey, short apiVersion) => Supported.Any(s => s.ApiKey == apiKey && apiVersion <= s.MaxVersion);

    /// <summary>Carries out a request on the mock and writes the response body.</summary>
    public static KafkaWriter Answer(short apiKey, short version, ref KafkaReader reader, IMockAdmin mock) => (KafkaApiKey)apiKey switch
    {
        KafkaApiKey.CreateTopics => CreateTopics(ref reader, version, mock),
        KafkaApiKey.DeleteTopics => DeleteTopics(ref reader, version, mock),
        KafkaApiKey.DeleteRecords => DeleteRecords(ref reader, mock),
        KafkaApiKey.DescribeConfigs => DescribeConfigs(ref reader),
        _ => throw new KafkaProtocolException($"The layer does not answer API key {apiKey}."),
    };

    private static KafkaWriter CreateTopics(ref KafkaReader reader, short version, IMockAdmin mock)
    {
        var requested = new List<(string Name, int Partitions)>();
        var topics = reader.ReadArrayLength();
        for (var t = 0; t < topics; t++)
        {
            var name = reader.ReadString() ?? string.Empty;
            var partitions = reader.ReadInt32();
            reader.Skip(2); // replication_factor: the mock keeps one replica
            var assignments = reader.ReadArrayLength();
            for (var a = 0; a < assignments; a++)
            {
                reader.Skip(4);
                reader.Skip(4 * reader.ReadArrayLength());
            }

            var configs = reader.ReadArrayLength();
            for (var c = 0; c < configs; c++)
            {
                _ = reader.ReadString();
                _ = reader.ReadString();
            }

            requested.Add((name, partitions < 0 ? Math.Max(assignments, DefaultPartitions) : partitions));
        }

        reader.Skip(4); // timeout_ms
        var validateOnly = version >= 1 && reader.ReadInt8() != 0;

        var writer = new KafkaWriter();
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(requested.Count);
        foreach (var (name, partitions) in requested)
        {
            var error = partitions is < 1 or > 10_000 ? InvalidPartitions : validateOnly ? (short)0 : mock.CreateTopic(name, partitions);
            writer.WriteString(name);
            writer.WriteInt16(error);
            if (version >= 1)
            {
                writer.WriteString(error == 0 ? null : $"Embedded Kafka could not create '{name}' with {partitions} partitions (error {error}).");
            }
        }

        return writer;
    }

    private static KafkaWriter DeleteTopics(ref KafkaReader reader, short version, IMockAdmin mock)
    {
        var names = new List<string>();
        var count = reader.ReadArrayLength();
        for (var i = 0; i < count; i++)
        {
            names.Add(reader.ReadString() ?? string.Empty);
        }

        var writer = new KafkaWriter();
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(names.Count);
        foreach (var name in names)
        {
            writer.WriteString(name);
            writer.WriteInt16(mock.DeleteTopic(name));
        }

        return writer;
    }

    private static KafkaWriter DeleteRecords(ref KafkaReader reader, IMockAdmin mock)
    {
        var writer = new KafkaWriter();
        writer.WriteInt32(0); // throttle_time_ms
        var topics = reader.ReadArrayLength();
        writer.WriteInt32(topics);
        for (var t = 0; t < topics; t++)
        {
            var name = reader.ReadString() ?? string.Empty;
            writer.WriteString(name);
            var partitions = reader.ReadArrayLength();
            writer.WriteInt32(partitions);
            for (var p = 0; p < partitions; p++)
            {
                var partition = reader.ReadInt32();
                var offset = reader.ReadInt64();
                var error = mock.DeleteRecords(name, partition, offset);
                writer.WriteInt32(partition);
                writer.WriteInt64(error == 0 ? offset : -1);
                writer.WriteInt16(error);
            }
        }

        return writer;
    }

    private static KafkaWriter DescribeConfigs(ref KafkaReader reader)
    {
        // The mock keeps no configuration: answer every resource with an empty, error-free list so clients
        // get an answer instead of a 60 s timeout.
        var resources = new List<(sbyte Type, string Name)>();
        var count = reader.ReadArrayLength();
        for (var i = 0; i < count; i++)
        {
            var type = reader.ReadInt8();
            var name = reader.ReadString() ?? string.Empty;
            var keys = reader.ReadInt32();
            for (var k = 0; k < keys; k++)
            {
                _ = reader.ReadString();
            }

            resources.Add((type, name));
        }

        var writer = new KafkaWriter();
        writer.WriteInt32(0); // throttle_time_ms
        writer.WriteInt32(resources.Count);
        foreach (var (type, name) in resources)
        {
            writer.WriteInt16(0);
            writer.WriteString(null);
            writer.WriteInt8(type);
            writer.WriteString(name);
            writer.WriteInt32(0); // configs
        }

        return writer;
    }
}
