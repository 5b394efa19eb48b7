using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>Applies a committed transaction's consumer offsets to the mock.</summary>
internal interface IOffsetCommitter
{
    /// <summary>Commits the offsets to their groups; problems go to the layer's diagnostics.</summary>
    Task CommitAsync(IReadOnlyList<TransactionalOffsets> offsets);
}

/// <summary>
/// Sends the mock an OffsetCommit request per group on a connection of its own, with the generation and member id the
/// producer gave (-1 and empty when it gave none: a commit outside the group's membership, which Kafka and the mock accept
/// for a group with no members).
/// </summary>
internal sealed class MockOffsetCommitter(FidelityDiagnostics diagnostics) : IOffsetCommitter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private int correlationId;

    public async Task CommitAsync(IReadOnlyList<TransactionalOffsets> offsets)
    {
        foreach (var commit in offsets)
        {
            try
            {
                await CommitOneAsync(commit).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or KafkaProtocolException or InvalidOperationException)
            {
                diagnostics.Report(new InvalidOperationException(
                    $"Could not apply the offsets of a committed transaction to group '{commit.GroupId}': {e.Message}", e));
            }
        }
    }

    private async Task CommitOneAsync(TransactionalOffsets commit)
    {
        if (commit.Coordinator is not IPEndPoint coordinator)
        {
            throw new InvalidOperationException("the group coordinator's address is unknown");
        }

        using var timeout = new CancellationTokenSource(Timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(coordinator, timeout.Token).ConfigureAwait(false);
        var id = Interlocked.Increment(ref correlationId);
        var request = OffsetCommitMessages.WriteRequest(id, commit.GroupId, commit.GenerationId, commit.MemberId, commit.Offsets);
        await socket.SendAsync(request.WrittenMemory, SocketFlags.None, timeout.Token).ConfigureAwait(false);

        var prefix = new byte[4];
        await ReceiveExactlyAsync(socket, prefix, timeout.Token).ConfigureAwait(false);
        var response = new byte[BinaryPrimitives.ReadInt32BigEndian(prefix)];
        await ReceiveExactlyAsync(socket, response, timeout.Token).ConfigureAwait(false);
        var (answeredId, results) = OffsetCommitMessages.ReadResponse(response);
        if (answeredId != id)
        {
            throw new KafkaProtocolException($"OffsetCommit answer has correlation id {answeredId}, expected {id}.");
        }

        var failed = results.Where(r => r.ErrorCode != 0).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException(
                "the mock refused " + string.Join(", ", failed.Select(f => $"'{f.Topic}' [{f.Partition}] with error {f.ErrorCode}")));
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the mock closed the connection before answering");
            }

            buffer = buffer[read..];
        }
    }
}
