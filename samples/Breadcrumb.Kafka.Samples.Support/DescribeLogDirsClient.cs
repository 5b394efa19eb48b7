using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// Asks one broker, over Kafka's wire protocol on a plaintext connection, how many bytes each partition of a topic
/// takes on its disks (DescribeLogDirs, API key 35, version 0 or 1, after an ApiVersions check). Confluent.Kafka has no
/// DescribeLogDirs call, so this sample speaks the two requests itself.
/// </summary>
public static class DescribeLogDirsClient
{
    private const short ApiVersionsKey = 18;
    private const short DescribeLogDirsKey = 35;

    /// <summary>Asks the broker for the topic's partition sizes.</summary>
    /// <param name="host">The broker's host.</param>
    /// <param name="port">The broker's port.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="partitions">The partitions to ask about.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>Bytes per partition (summed over the broker's log directories, future replicas left out), or null when the broker does not serve DescribeLogDirs v0–v1.</returns>
    /// <exception cref="IOException">The connection failed or the answer was malformed.</exception>
    public static async Task<IReadOnlyDictionary<int, long>?> GetPartitionSizesAsync(
        string host, int port, string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(partitions);
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var versions = await ExchangeAsync(stream, ApiVersionsKey, 0, 1, [], cancellationToken).ConfigureAwait(false);
        var version = PickVersion(versions);
        if (version is null)
        {
            return null;
        }

        var body = new List<byte>();
        Int32(body, 1);
        String(body, topic);
        Int32(body, partitions.Count);
        foreach (var p in partitions)
        {
            Int32(body, p);
        }

        var answer = await ExchangeAsync(stream, DescribeLogDirsKey, version.Value, 2, [.. body], cancellationToken).ConfigureAwait(false);
        return ParseSizes(answer, topic);
    }

    /// <summary>Picks the DescribeLogDirs version to use from an ApiVersions v0 response body.</summary>
    /// <param name="body">The response body (after the correlation id).</param>
    /// <returns>1 or 0, or null when neither is served.</returns>
    public static short? PickVersion(ReadOnlySpan<byte> body)
    {
        var reader = new Reader(body.ToArray());
        if (reader.Int16() != 0)
        {
            return null;
        }

        for (var n = reader.Int32(); n > 0; n--)
        {
            var (key, min, max) = (reader.Int16(), reader.Int16(), reader.Int16());
            if (key == DescribeLogDirsKey && min <= 1)
            {
                return max >= 1 ? (short)1 : min == 0 ? (short)0 : null;
            }
        }

        return null;
    }

    /// <summary>Reads a DescribeLogDirs v0/v1 response body into bytes per partition of one topic.</summary>
    /// <param name="body">The response body (after the correlation id).</param>
    /// <param name="topic">The topic.</param>
    /// <returns>Bytes per partition.</returns>
    /// <exception cref="IOException">A log directory reported an error.</exception>
    public static IReadOnlyDictionary<int, long> ParseSizes(ReadOnlySpan<byte> body, string topic)
    {
        var reader = new Reader(body.ToArray());
        reader.Int32(); // throttle_time_ms
        var sizes = new Dictionary<int, long>();
        for (var dirs = reader.Int32(); dirs > 0; dirs--)
        {
            var error = reader.Int16();
            var dir = reader.String();
            if (error != 0)
            {
                throw new IOException($"DescribeLogDirs: log directory '{dir}' answered error {error}.");
            }

            for (var topics = reader.Int32(); topics > 0; topics--)
            {
                var name = reader.String();
                for (var parts = reader.Int32(); parts > 0; parts--)
                {
                    var (partition, size, _, future) = (reader.Int32(), reader.Int64(), reader.Int64(), reader.Int8() != 0);
                    if (name == topic && !future)
                    {
                        sizes[partition] = sizes.GetValueOrDefault(partition) + size;
                    }
                }
            }
        }

        return sizes;
    }

    private static async Task<byte[]> ExchangeAsync(NetworkStream stream, short key, short version, int correlation, byte[] body, CancellationToken cancellationToken)
    {
        var request = new List<byte>();
        Int16(request, key);
        Int16(request, version);
        Int32(request, correlation);
        String(request, "breadcrumb-kafka-samples");
        request.AddRange(body);
        var frame = new byte[4 + request.Count];
        BinaryPrimitives.WriteInt32BigEndian(frame, request.Count);
        request.CopyTo(frame, 4);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        var size = new byte[4];
        await stream.ReadExactlyAsync(size, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(size);
        if (length is < 4 or > 16 << 20)
        {
            throw new IOException($"Kafka response of {length} bytes to API key {key}: not a Kafka broker, or a broker that wants TLS/SASL first.");
        }

        var response = new byte[length];
        await stream.ReadExactlyAsync(response, cancellationToken).ConfigureAwait(false);
        if (BinaryPrimitives.ReadInt32BigEndian(response) != correlation)
        {
            throw new IOException($"Kafka response to API key {key} carries the wrong correlation id.");
        }

        return response[4..];
    }

    private static void Int16(List<byte> to, short v) => to.AddRange([(byte)(v >> 8), (byte)v]);

    private static void Int32(List<byte> to, int v) => to.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

    private static void String(List<byte> to, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        Int16(to, (short)bytes.Length);
        to.AddRange(bytes);
    }

    private sealed class Reader(byte[] data)
    {
        private int at;

        public sbyte Int8() => (sbyte)Take(1)[0];

        public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        public string String()
        {
            var length = Int16();
            return length < 0 ? string.Empty : Encoding.UTF8.GetString(Take(length));
        }

        private ReadOnlySpan<byte> Take(int n)
        {
            if (at + n > data.Length)
            {
                throw new IOException("Kafka response ended early.");
            }

            at += n;
            return data.AsSpan(at - n, n);
        }
    }
}
