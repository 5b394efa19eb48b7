using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Security;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>
/// One client connection: reads size-prefixed request frames, answers each in order (Kafka handles one request of
/// a connection at a time), and writes responses in batches when several requests arrived together. A frame over
/// the size cap, a malformed request, an unknown API or version, or an idle connection closes this connection only.
/// </summary>
internal sealed partial class ClientConnection : IAsyncDisposable
{
    private readonly ClusterCore cluster;
    private readonly BrokerServer broker;
    private readonly Socket socket;
    private Stream stream;
    private readonly CancellationTokenSource lifetime;
    private readonly KafkaWriter output = new(4096);
    private readonly ILogger logger;
    private readonly CancellationTokenRegistration stoppingRegistration;

    public ClientConnection(ClusterCore cluster, BrokerServer broker, Socket socket, long id, CancellationToken stopping)
    {
        this.cluster = cluster;
        this.broker = broker;
        this.socket = socket;
        Id = id;
        RemoteEndPoint = socket.RemoteEndPoint?.ToString() ?? "?";
        stream = new NetworkStream(socket, ownsSocket: true);
        lifetime = new CancellationTokenSource(Timeout.InfiniteTimeSpan, cluster.TimeProvider);
        stoppingRegistration = stopping.Register(static state => ((CancellationTokenSource)state!).Cancel(), lifetime);
        logger = cluster.Logger;
    }

    public long Id { get; }

    public ClusterCore Cluster => cluster;

    public string RemoteEndPoint { get; }

    /// <summary>Gets or sets the SASL conversation under way, once SaslHandshake picked a mechanism.</summary>
    public ISaslExchange? Sasl { get; set; }

    /// <summary>Gets or sets whether SASL tokens come bare on the socket (after SaslHandshake v0), not in SaslAuthenticate requests.</summary>
    public bool BareSaslTokens { get; set; }

    /// <summary>Gets whether the connection may only authenticate until it has (SASL listeners).</summary>
    public bool RequiresAuthentication => cluster.Security.RequiresSasl && Sasl?.IsComplete != true;

    /// <summary>Gets or sets whether the connection closes once the response being written is sent (failed authentication).</summary>
    public bool CloseAfterResponse { get; set; }

    /// <summary>Gets the client's address as Kafka prints it in group descriptions ("/127.0.0.1").</summary>
    public string ClientHost => "/" + ((socket.RemoteEndPoint as System.Net.IPEndPoint)?.Address.ToString() ?? "unknown");

    public async Task RunAsync()
    {
        if (cluster.Security.UsesTls && !await HandshakeAsync().ConfigureAwait(false))
        {
            return;
        }

        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                ArmIdleTimer();
                var result = await reader.ReadAsync(lifetime.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (!CloseAfterResponse && TryTakeFrame(ref buffer, out var frame))
                {
                    await HandleFrameAsync(frame).ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                await FlushAsync().ConfigureAwait(false);
                if (result.IsCompleted || CloseAfterResponse)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            if (!cluster.IsStopping)
            {
                LogIdle(logger, Id, RemoteEndPoint);
            }
        }
        catch (ConnectionClosingException e)
        {
            LogClosing(logger, Id, RemoteEndPoint, e.Message);
        }
        catch (KafkaProtocolException e)
        {
            LogMalformed(logger, Id, RemoteEndPoint, e.Message);
        }
        catch (IOException)
        {
            // The client went away; nothing to answer.
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stoppingRegistration.DisposeAsync().ConfigureAwait(false);
        await lifetime.CancelAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        lifetime.Dispose();
        output.Dispose();
    }

    /// <summary>Closes the connection from the broker's side (a fault to inject, a broker going down).</summary>
    public void Abort()
    {
        try
        {
            lifetime.Cancel();
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // It ended on its own meanwhile.
        }
    }

    private async Task<bool> HandshakeAsync()
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = cluster.Security.Certificate }, timeout.Token).ConfigureAwait(false);
            stream = tls;
            return true;
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException)
        {
            LogClosing(logger, Id, RemoteEndPoint, "TLS handshake failed: " + e.Message);
            await tls.DisposeAsync().ConfigureAwait(false);
            return false;
        }
    }

    private void ArmIdleTimer()
    {
        if (cluster.Options.ConnectionIdleTimeout != Timeout.InfiniteTimeSpan)
        {
            lifetime.CancelAfter(cluster.Options.ConnectionIdleTimeout);
        }
    }

    private bool TryTakeFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var size = (prefix[0] << 24) | (prefix[1] << 16) | (prefix[2] << 8) | prefix[3];
        if (size < 0 || size > cluster.Options.MaxRequestBytes)
        {
            throw new ConnectionClosingException(
                $"Request frame of {size} bytes is outside 0..{cluster.Options.MaxRequestBytes} (KafkaClusterOptions.MaxRequestBytes, Kafka's socket.request.max.bytes).");
        }

        if (RequiresAuthentication && size > ClusterSecurity.MaxUnauthenticatedFrameBytes)
        {
            throw new ConnectionClosingException(
                $"Request frame of {size} bytes before SASL authentication is over {ClusterSecurity.MaxUnauthenticatedFrameBytes} (Kafka's sasl.server.max.receive.size).");
        }

        if (buffer.Length < 4 + (long)size)
        {
            return false;
        }

        frame = buffer.Slice(4, size);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    private async ValueTask FlushAsync()
    {
        if (output.Length == 0)
        {
            return;
        }

        await output.WriteToAsync(stream, lifetime.Token).ConfigureAwait(false);

        // A large answer (many small batches copied in) does not keep its buffer for the connection's lifetime.
        output.Reset(keepAtMost: 1024 * 1024);
    }

    private async ValueTask HandleFrameAsync(ReadOnlySequence<byte> frame)
    {
        byte[]? rented = null;
        ReadOnlyMemory<byte> bytes;
        if (frame.IsSingleSegment)
        {
            bytes = frame.First;
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent((int)frame.Length);
            frame.CopyTo(rented);
            bytes = rented.AsMemory(0, (int)frame.Length);
        }

        try
        {
            if (BareSaslTokens && Sasl is { IsComplete: false } exchange)
            {
                AnswerBareToken(exchange, bytes.Span);
                return;
            }

            var pending = cluster.Dispatcher.DispatchAsync(this, broker, bytes, lifetime.Token);
            if (!pending.IsCompleted)
            {
                // Earlier answers go out before this request waits (a fetch holding for data).
                await FlushAsync().ConfigureAwait(false);
            }

            var answer = await pending.ConfigureAwait(false);
            if (answer is { } response)
            {
                WriteResponse(response);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Answers a bare SASL token (SaslHandshake v0) with a bare, size-prefixed token; bad credentials close the connection.</summary>
    private void AnswerBareToken(ISaslExchange exchange, ReadOnlySpan<byte> token)
    {
        byte[] answer;
        try
        {
            answer = exchange.Respond(token);
        }
        catch (SaslAuthenticationException)
        {
            throw new ConnectionClosingException("SASL authentication failed (bare tokens after SaslHandshake v0).");
        }

        output.WriteInt32(answer.Length);
        output.WriteRaw(answer);
    }

    private void WriteResponse(DispatchedResponse response)
    {
        var start = output.Length;
        var sizeAt = output.Reserve(4);
        output.WriteInt32(response.CorrelationId);
        if (response.HeaderVersion >= 1)
        {
            output.WriteUnsignedVarInt(0);
        }

        response.Body.Write(output, response.Version);
        output.PatchInt32(sizeAt, output.Length - start - 4);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {Id} from {Remote} was idle past the timeout and is closed.")]
    private static partial void LogIdle(ILogger logger, long id, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {Id} from {Remote} is closed: {Reason}")]
    private static partial void LogClosing(ILogger logger, long id, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {Id} from {Remote} sent a malformed request and is closed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, long id, string remote, string reason);
}

/// <summary>A response ready to write: its body and the versions that decide its layout.</summary>
internal readonly record struct DispatchedResponse(int CorrelationId, short HeaderVersion, short Version, IKafkaMessage Body);

/// <summary>Ends a connection on purpose (a frame too large, an unknown API): Kafka closes rather than answers.</summary>
internal sealed class ConnectionClosingException(string message) : Exception(message);
