using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>
/// Relays one client connection to its mock broker, frame by frame. Requests the layer follows are read before
/// they are forwarded; all other frames are copied through without being parsed.
/// </summary>
internal sealed class ProxyConnection(Socket client, Socket upstream, TrafficInspector inspector, FidelityDiagnostics diagnostics)
{
    private const int BufferSize = 64 * 1024;

    // A broker holds an empty read_committed fetch up to its max wait; hold ours at most this long so
    // heartbeats sharing the connection are not starved.
    private const int MaxHoldMs = 100;

    private readonly ConcurrentDictionary<int, PendingRequest> pending = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var clientStream = new NetworkStream(client, ownsSocket: true);
        await using var upstreamStream = new NetworkStream(upstream, ownsSocket: true);
        var requests = PumpAsync(clientStream, upstreamStream, isRequest: true, linked);
        var responses = PumpAsync(upstreamStream, clientStream, isRequest: false, linked);
        await Task.WhenAny(requests, responses).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        client.Close();
        upstream.Close();
        await Task.WhenAll(requests, responses).ConfigureAwait(false);
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var size = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (size < 0)
        {
            throw new KafkaProtocolException($"Frame size {size} is negative.");
        }

        if (buffer.Length < 4L + size)
        {
            return false;
        }

        frame = buffer.Slice(0, 4L + size);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    private static void Copy(ReadOnlySequence<byte> frame, PipeWriter output)
    {
        foreach (var segment in frame)
        {
            output.Write(segment.Span);
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool isRequest, CancellationTokenSource lifetime)
    {
        var reader = PipeReader.Create(from, new StreamPipeReaderOptions(bufferSize: BufferSize, minimumReadSize: BufferSize / 4));
        var writer = PipeWriter.Create(to, new StreamPipeWriterOptions(minimumBufferSize: BufferSize));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(lifetime.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var frame))
                {
                    var hold = isRequest ? OnRequest(frame, writer) : OnResponse(frame, writer);
                    if (hold > 0)
                    {
                        await Task.Delay(hold, lifetime.Token).ConfigureAwait(false);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                await writer.FlushAsync(lifetime.Token).ConfigureAwait(false);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // One side closed: the connection is over, as it would be with a real broker.
        }
        catch (KafkaProtocolException e)
        {
            diagnostics.Report(e);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
            await lifetime.CancelAsync().ConfigureAwait(false);
        }
    }

    private int OnRequest(ReadOnlySequence<byte> frame, PipeWriter output)
    {
        Span<byte> head = stackalloc byte[8];
        if (frame.Length >= 12)
        {
            frame.Slice(4, 8).CopyTo(head);
            var apiKey = BinaryPrimitives.ReadInt16BigEndian(head);
            var apiVersion = BinaryPrimitives.ReadInt16BigEndian(head[2..]);
            if (TrafficInspector.Wants(apiKey, apiVersion))
            {
                try
                {
                    var request = WithContiguous(frame.Slice(4), static (span, inspector) => inspector.InspectRequest(span), inspector);
                    if (request is not null)
                    {
                        Span<byte> id = stackalloc byte[4];
                        frame.Slice(8, 4).CopyTo(id);
                        pending[BinaryPrimitives.ReadInt32BigEndian(id)] = request;
                    }

                    if (request is PendingLocalAnswer)
                    {
                        WriteStandIn(frame, output);
                        return 0;
                    }
                }
                catch (KafkaProtocolException e)
                {
                    diagnostics.Report(e);
                }
            }
        }

        Copy(frame, output);
        return 0;
    }

    private int OnResponse(ReadOnlySequence<byte> frame, PipeWriter output)
    {
        if (pending.IsEmpty || frame.Length < 8)
        {
            Copy(frame, output);
            return 0;
        }

        Span<byte> head = stackalloc byte[4];
        frame.Slice(4, 4).CopyTo(head);
        if (!pending.TryRemove(BinaryPrimitives.ReadInt32BigEndian(head), out var request))
        {
            Copy(frame, output);
            return 0;
        }

        var length = (int)frame.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(copy);
            var body = copy.AsSpan(8, length - 8);
            bool emptied;
            KafkaWriter? rewritten;
            try
            {
                emptied = inspector.InspectResponse(request, body, out rewritten);
            }
            catch (KafkaProtocolException e)
            {
                // Pass the broker's answer on unchanged rather than break the client's connection.
                diagnostics.Report(e);
                output.Write(copy.AsSpan(0, length));
                return 0;
            }

            if (rewritten is null)
            {
                output.Write(copy.AsSpan(0, length));
                return 0;
            }

            var prefix = output.GetSpan(8);
            BinaryPrimitives.WriteInt32BigEndian(prefix, rewritten.Length + 4);
            copy.AsSpan(4, 4).CopyTo(prefix[4..]);
            output.Advance(8);
            output.Write(rewritten.WrittenMemory.Span);
            return emptied && request is PendingFetch fetch ? Math.Clamp(fetch.MaxWaitMs, 0, MaxHoldMs) : 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Sends the mock an ApiVersions v0 request with the same correlation id in place of one the layer answered.</summary>
    private static void WriteStandIn(ReadOnlySequence<byte> frame, PipeWriter output)
    {
        var standIn = output.GetSpan(14);
        BinaryPrimitives.WriteInt32BigEndian(standIn, 10);
        BinaryPrimitives.WriteInt16BigEndian(standIn[4..], (short)KafkaApiKey.ApiVersions);
        BinaryPrimitives.WriteInt16BigEndian(standIn[6..], 0);
        frame.Slice(8, 4).CopyTo(standIn[8..]);
        BinaryPrimitives.WriteInt16BigEndian(standIn[12..], -1); // no client id
        output.Advance(14);
    }

    private static TResult WithContiguous<TState, TResult>(ReadOnlySequence<byte> data, ContiguousFunc<TState, TResult> action, TState state)
    {
        if (data.IsSingleSegment)
        {
            return action(data.FirstSpan, state);
        }

        var length = (int)data.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            data.CopyTo(copy);
            return action(copy.AsSpan(0, length), state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private delegate TResult ContiguousFunc<TState, TResult>(ReadOnlySpan<byte> span, TState state);
}
