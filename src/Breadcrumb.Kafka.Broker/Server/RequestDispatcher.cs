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

    /// <summary>Gets or sets the hook that may answer, delay or drop a request before its handler sees it.</summary>
    public IRequestInterceptor? Interceptor { get; set; }

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
        var context = new RequestContext(connection.Cluster, broker, connection, header, cancellationToken);
        IKafkaMessage? response;
        try
        {
            response = Interceptor is { } interceptor
                ? await interceptor.InterceptAsync(context, request, handler).ConfigureAwait(false)
                : await handler.HandleAsync(context, request).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ConnectionClosingException)
        {
            LogHandlerFailed(logger, e, api.Name, apiVersion);
            throw new ConnectionClosingException($"{api.Name} v{apiVersion} failed in the broker: {e.Message}");
        }

        return response is null ? null : new DispatchedResponse(header.CorrelationId, api.ResponseHeaderVersion(apiVersion), apiVersion, response);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Api} v{Version} failed in the broker; the connection is closed.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string api, short version);
}

/// <summary>Sees every request before its handler: answers it, delays it, drops it or passes it on (fault injection, tests).</summary>
internal interface IRequestInterceptor
{
    ValueTask<IKafkaMessage?> InterceptAsync(RequestContext context, IKafkaMessage request, IApiHandler handler);
}
