using System.Buffers.Binary;
using System.Net.Sockets;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Tests.Protocol;

/// <summary>
/// A bare Kafka connection for tests: sends any request at any version with the broker's own codecs, or raw
/// bytes, and reads responses. Requests go one at a time; nothing is retried or hidden.
/// </summary>
internal sealed class RawKafkaConnection : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private int nextCorrelationId = 1;

    private RawKafkaConnection(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
    }

    /// <summary>Connects to the cluster's broker at <paramref name="brokerIndex"/> (node order).</summary>
    public static async Task<RawKafkaConnection> ConnectAsync(KafkaCluster cluster, int brokerIndex = 0)
    {
        var broker = cluster.Brokers[brokerIndex];
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(broker.Host, broker.Port, TestContext.Current.CancellationToken);
            return new RawKafkaConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects to the broker that leads <paramref name="topic"/>'s <paramref name="partition"/>.</summary>
    public static Task<RawKafkaConnection> ConnectToLeaderAsync(KafkaCluster cluster, string topic, int partition = 0)
    {
        var leader = cluster.DescribeTopic(topic)!.Partitions[partition].Leader;
        var index = cluster.Brokers.ToList().FindIndex(b => b.NodeId == leader);
        return ConnectAsync(cluster, index);
    }

    /// <summary>Encodes a whole request frame (size prefix, header, body) as a client would send it.</summary>
    public static byte[] EncodeRequest(IKafkaMessage request, short version, int correlationId, string? clientId = "raw-test")
    {
        var api = ApiCatalog.All.Single(a => a.Key == request.ApiKey);
        using var writer = new KafkaWriter();
        var sizeAt = writer.Reserve(4);
        writer.WriteInt16(request.ApiKey);
        writer.WriteInt16(version);
        writer.WriteInt32(correlationId);
        writer.WriteNullableString(clientId, compact: false);
        if (api.RequestHeaderVersion(version) >= 2)
        {
            writer.WriteUnsignedVarInt(0);
        }

        request.Write(writer, version);
        writer.PatchInt32(sizeAt, writer.Length - sizeAt - 4);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Sends a request and reads its response, checking the correlation id.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IKafkaMessage request, short version)
        where TResponse : IKafkaMessage, new()
    {
        var api = ApiCatalog.All.Single(a => a.Key == request.ApiKey);
        var correlationId = nextCorrelationId++;
        await WriteRawAsync(EncodeRequest(request, version, correlationId));
        var frame = await ReadFrameAsync() ?? throw new IOException($"The broker closed the connection instead of answering {api.Name} v{version}.");
        return Decode<TResponse>(frame, correlationId, api.ResponseHeaderVersion(version), version);
    }

    /// <summary>Reads a response frame as <typeparamref name="TResponse"/> at <paramref name="version"/> with the given header version.</summary>
    public static TResponse Decode<TResponse>(byte[] frame, int correlationId, short headerVersion, short version)
        where TResponse : IKafkaMessage, new()
    {
        var response = new TResponse();
        Decode(frame, correlationId, headerVersion, version, response);
        return response;
    }

    /// <summary>Reads a response frame into <paramref name="response"/>, checking the correlation id and that nothing is left over.</summary>
    public static void Decode(byte[] frame, int correlationId, short headerVersion, short version, IKafkaMessage response)
    {
        var reader = new KafkaReader(frame);
        reader.ReadInt32().Should().Be(correlationId, "the response answers the request just sent");
        if (headerVersion >= 1)
        {
            var tags = reader.ReadUnsignedVarInt();
            for (var i = 0; i < tags; i++)
            {
                reader.ReadUnsignedVarInt();
                reader.Skip(reader.ReadUnsignedVarInt());
            }
        }

        response.Read(ref reader, version);
        reader.IsAtEnd.Should().BeTrue("the response holds exactly one message");
    }

    /// <summary>Sends bytes as they are: no size prefix is added.</summary>
    public async Task WriteRawAsync(ReadOnlyMemory<byte> bytes) =>
        await stream.WriteAsync(bytes, TestContext.Current.CancellationToken);

    /// <summary>Sends <paramref name="body"/> behind a size prefix that tells its true length.</summary>
    public Task SendFrameAsync(ReadOnlyMemory<byte> body)
    {
        var frame = new byte[body.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
        body.CopyTo(frame.AsMemory(4));
        return WriteRawAsync(frame);
    }

    /// <summary>Reads one size-prefixed frame; null when the broker closed the connection first.</summary>
    public async Task<byte[]?> ReadFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        var prefix = new byte[4];
        if (!await ReadExactlyOrEndAsync(prefix, cts.Token))
        {
            return null;
        }

        var frame = new byte[BinaryPrimitives.ReadInt32BigEndian(prefix)];
        return await ReadExactlyOrEndAsync(frame, cts.Token) ? frame : null;
    }

    /// <summary>
    /// Waits until the broker closes the connection, reading and dropping anything it still sends; false if it is
    /// still open when <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<bool> WaitUntilClosedAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        var sink = new byte[4096];
        try
        {
            while (await stream.ReadAsync(sink, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] target, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(target, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
