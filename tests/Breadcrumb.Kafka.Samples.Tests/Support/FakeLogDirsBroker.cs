using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Breadcrumb.Kafka.Samples.Tests.Support;

/// <summary>
/// A loopback TCP server that answers Kafka's ApiVersions v0 (listing DescribeLogDirs with the versions given) and
/// DescribeLogDirs v1 with fixed partition sizes in two log directories; it records the versions it was asked for.
/// </summary>
internal sealed class FakeLogDirsBroker : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task serving;
    private readonly CancellationTokenSource stop = new();

    public FakeLogDirsBroker(short minVersion, short maxVersion, string topic, IReadOnlyDictionary<int, long> sizes)
    {
        listener.Start();
        serving = ServeAsync(minVersion, maxVersion, topic, sizes, stop.Token);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public List<(short Key, short Version)> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task ServeAsync(short min, short max, string topic, IReadOnlyDictionary<int, long> sizes, CancellationToken token)
    {
        using var client = await listener.AcceptTcpClientAsync(token);
        var stream = client.GetStream();
        while (!token.IsCancellationRequested)
        {
            var size = new byte[4];
            if (await stream.ReadAtLeastAsync(size, 4, throwOnEndOfStream: false, token) < 4)
            {
                return;
            }

            var request = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
            await stream.ReadExactlyAsync(request, token);
            var (key, version, correlation) = (BinaryPrimitives.ReadInt16BigEndian(request), BinaryPrimitives.ReadInt16BigEndian(request.AsSpan(2)), BinaryPrimitives.ReadInt32BigEndian(request.AsSpan(4)));
            Requests.Add((key, version));
            var body = new List<byte>();
            if (key == 18)
            {
                Add(body, (short)0);
                Add(body, 2);
                Add(body, (short)18);
                Add(body, (short)0);
                Add(body, (short)3);
                Add(body, (short)35);
                Add(body, min);
                Add(body, max);
            }
            else
            {
                Add(body, 0); // throttle
                Add(body, 2); // two log dirs, each holding half of every partition
                foreach (var dir in new[] { "/data/a", "/data/b" })
                {
                    Add(body, (short)0);
                    Add(body, dir);
                    Add(body, 1);
                    Add(body, topic);
                    Add(body, sizes.Count);
                    foreach (var (partition, bytes) in sizes)
                    {
                        Add(body, partition);
                        body.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(bytes / 2).Reverse() : BitConverter.GetBytes(bytes / 2));
                        body.AddRange(new byte[8]);
                        body.Add(0);
                    }
                }
            }

            var response = new byte[8 + body.Count];
            BinaryPrimitives.WriteInt32BigEndian(response, 4 + body.Count);
            BinaryPrimitives.WriteInt32BigEndian(response.AsSpan(4), correlation);
            body.CopyTo(response, 8);
            await stream.WriteAsync(response, token);
        }
    }

    private static void Add(List<byte> to, short v) => to.AddRange([(byte)(v >> 8), (byte)v]);

    private static void Add(List<byte> to, int v) => to.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

    private static void Add(List<byte> to, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        Add(to, (short)bytes.Length);
        to.AddRange(bytes);
    }
}
