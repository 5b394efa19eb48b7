using Breadcrumb.Kafka.Broker.Faults;
using Breadcrumb.Kafka.Broker.Handlers;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>
/// Reads a request's header and body and hands it to its API's handler. An API key we do not serve, or a
/// version outside the served range, closes the connection as Kafka does, except ApiVersions, which answers
/// in its v0 layout with UNSUPPORTED_VERSION and the list of APIs so the client can pick a version (KIP-511).
/// </summary>
internal sealed partial class RequestDispatcher
{
    private readonly Dictionary<short, (ApiDescriptor Api, IApiHandler Handler)> served = [];
    private readonly ILogger logger;

    public RequestDispatcher(IEnumerable<IApiHandler> handlers, ILogger logger)
    {
        this.logger = logger;
        foreach (var handler in handlers)
        {
            var api = ApiCatalog.All.Single(a => a.Key == handler.ApiKey);
            served.Add(handler.ApiKey, (api, handler));
        }

        Served = [.. served.Values.Select(s => s.Api).OrderBy(a => a.Key)];
    }

    /// <summary>Gets the APIs this broker serves, with their version ranges, as ApiVersions lists them.</summary>
    public IReadOnlyList<ApiDescriptor> Served { get; }

    public async ValueTask<DispatchedResponse?> DispatchAsync(ClientConnection connection, BrokerServer broker, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var (apiKey, apiVersion) = RequestHeader.Peek(frame.Span);
        if (!served.TryGetValue(apiKey, out var entry))
        {
            throw new ConnectionClosingException($"API key {apiKey} is not one this broker serves.");
        }

        var (api, handler) = entry;
        if (connection.RequiresAuthentication && apiKey is not (ApiVersionsRequest.ApiKey or SaslHandshakeRequest.ApiKey or SaslAuthenticateRequest.ApiKey))
        {
            throw new ConnectionClosingException($"Unexpected {api.Name} request before SASL authentication.");
        }

        var reader = new KafkaReader(frame);
        if (apiVersion < api.MinVersion || apiVersion > api.MaxVersion)
        {
            if (apiKey != ApiVersionsRequest.ApiKey)
            {
                throw new ConnectionClosingException($"{api.Name} version {apiVersion} is not served (versions {api.MinVersion}-{api.MaxVersion}).");
            }

            var unknown = RequestHeader.Read(ref reader, apiVersion >= ApiVersionsRequest.FirstFlexibleVersion ? (short)2 : (short)1);
            return new DispatchedResponse(unknown.CorrelationId, 0, 0, ApiVersionsHandler.Unsupported(Served));
        }

        var header = RequestHeader.Read(ref reader, api.RequestHeaderVersion(apiVersion));
        var request = handler.CreateRequest();
        request.Read(ref reader, apiVersion);
        var cluster = connection.Cluster;
        var context = new RequestContext(cluster, broker, connection, header, cancellationToken);
        var loseResponse = false;
        if (cluster.Faults.Any)
        {
            var kafkaApi = (KafkaApiKey)apiKey;
            if (cluster.Faults.LatencyFor(kafkaApi) is var latency && latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cluster.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            var partitions = request is IPartitionedRequest partitioned ? [.. partitioned.PartitionsIn(cluster.Topics)] : new List<(string, int)>();
            (context.Faults, loseResponse) = cluster.Faults.Take(kafkaApi, broker.NodeId, partitions);
            if (context.Faults?.Whole is { } whole && !FaultableApis.PartitionAware.Contains(kafkaApi))
            {
                return new DispatchedResponse(header.CorrelationId, api.ResponseHeaderVersion(apiVersion), apiVersion, FaultableApis.ErrorResponse(api, whole));
            }
        }

        IKafkaMessage? response;
        try
        {
            response = await handler.HandleAsync(context, request).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ConnectionClosingException)
        {
            LogHandlerFailed(logger, e, api.Name, apiVersion);
            throw new ConnectionClosingException($"{api.Name} v{apiVersion} failed in the broker: {e.Message}");
        }

        if (loseResponse)
        {
            connection.CloseAfterResponse = true;
            return null;
        }

        return response is null ? null : new DispatchedResponse(header.CorrelationId, api.ResponseHeaderVersion(apiVersion), apiVersion, response);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Api} v{Version} failed in the broker; the connection is closed.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string api, short version);
}
