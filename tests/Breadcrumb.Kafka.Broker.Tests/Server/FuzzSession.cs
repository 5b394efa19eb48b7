using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>What the broker did with one fuzzed frame.</summary>
internal enum FuzzOutcome
{
    Answered,
    Closed,
    Silent,
}

/// <summary>Sends fuzzed frames over one connection at a time, opening a new one whenever the broker closed the last.</summary>
internal sealed class FuzzSession(KafkaCluster cluster) : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromMilliseconds(500);
    private RawKafkaConnection? connection;

    public async Task<FuzzOutcome> SendAsync(FuzzFrame frame)
    {
        connection ??= await RawKafkaConnection.ConnectAsync(cluster);
        try
        {
            await connection.WriteRawAsync(frame.Bytes);
            if (frame.Raw)
            {
                // Garbage with no honest size prefix: hang up half-way, as a crashed client would.
                await DropAsync();
                return FuzzOutcome.Closed;
            }

            var answer = await connection.ReadFrameAsync(AnswerTimeout);
            if (answer is null)
            {
                await DropAsync();
                return FuzzOutcome.Closed;
            }

            if (frame.HeaderIntact)
            {
                var response = frame.Api.CreateResponse();
                RawKafkaConnection.Decode(answer, frame.CorrelationId, frame.Api.ResponseHeaderVersion(frame.Version), frame.Version, response);
            }

            return FuzzOutcome.Answered;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // No answer in time (acks=0, or a request still waiting): start afresh.
            await DropAsync();
            return FuzzOutcome.Silent;
        }
        catch (IOException)
        {
            await DropAsync();
            return FuzzOutcome.Closed;
        }
    }

    public ValueTask DisposeAsync() => DropAsync();

    private async ValueTask DropAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }
}
