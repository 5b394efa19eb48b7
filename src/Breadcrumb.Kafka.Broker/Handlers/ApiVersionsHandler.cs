using System.Text.RegularExpressions;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>ApiVersions (18): the APIs and version ranges this broker serves; no features are advertised.</summary>
internal sealed partial class ApiVersionsHandler : ApiHandler<ApiVersionsRequest, ApiVersionsResponse>
{
    /// <summary>Builds the v0 answer to a version we do not know (KIP-511): UNSUPPORTED_VERSION and the list.</summary>
    public static ApiVersionsResponse Unsupported(IReadOnlyList<ApiDescriptor> served)
    {
        var response = List(served);
        response.ErrorCode = (short)ErrorCode.UnsupportedVersion;
        return response;
    }

    protected override ApiVersionsResponse Handle(RequestContext context, ApiVersionsRequest request)
    {
        var response = List(context.Cluster.Dispatcher.Served);
        // From v3 a real broker checks the client's software name and version and refuses odd ones.
        if (context.Version >= 3 && !(SoftwareName().IsMatch(request.ClientSoftwareName) && SoftwareName().IsMatch(request.ClientSoftwareVersion)))
        {
            response.ErrorCode = (short)ErrorCode.InvalidRequest;
        }

        return response;
    }

    private static ApiVersionsResponse List(IReadOnlyList<ApiDescriptor> served) => new()
    {
        ApiKeys = [.. served.Select(a => new ApiVersionsResponse.ApiVersionRange { ApiKey = a.Key, MinVersion = a.MinVersion, MaxVersion = a.MaxVersion })],
    };

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9\\-.]*[a-zA-Z0-9])?$")]
    private static partial Regex SoftwareName();
}
