using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>SaslHandshake (17): picks the mechanism for this connection's SASL exchange; the answer lists the enabled ones.</summary>
internal sealed class SaslHandshakeHandler : ApiHandler<SaslHandshakeRequest, SaslHandshakeResponse>
{
    protected override SaslHandshakeResponse Handle(RequestContext context, SaslHandshakeRequest request)
    {
        var security = context.Cluster.Security;
        var response = new SaslHandshakeResponse { Mechanisms = security.RequiresSasl ? [.. security.Mechanisms] : [] };
        if (!security.RequiresSasl || context.Connection.Sasl is not null)
        {
            response.ErrorCode = (short)ErrorCode.IllegalSaslState;
            return response;
        }

        context.Connection.Sasl = security.StartExchange(request.Mechanism);
        if (context.Connection.Sasl is null)
        {
            response.ErrorCode = (short)ErrorCode.UnsupportedSaslMechanism;
        }
        else
        {
            // After v0 the tokens come bare on the socket; after v1 inside SaslAuthenticate requests.
            context.Connection.BareSaslTokens = context.Version == 0;
        }

        return response;
    }
}
