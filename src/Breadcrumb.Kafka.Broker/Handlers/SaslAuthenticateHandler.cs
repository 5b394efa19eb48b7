using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Security;
using Breadcrumb.Kafka.Broker.Server;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// SaslAuthenticate (36): one SASL token each way. Bad credentials answer SASL_AUTHENTICATION_FAILED and close the
/// connection; the log says which connection and mechanism failed, never the user or the password.
/// </summary>
internal sealed partial class SaslAuthenticateHandler : ApiHandler<SaslAuthenticateRequest, SaslAuthenticateResponse>
{
    protected override SaslAuthenticateResponse Handle(RequestContext context, SaslAuthenticateRequest request)
    {
        var connection = context.Connection;
        if (connection.Sasl is not { IsComplete: false } exchange)
        {
            connection.CloseAfterResponse = true;
            return new SaslAuthenticateResponse
            {
                ErrorCode = (short)ErrorCode.IllegalSaslState,
                ErrorMessage = "SaslAuthenticate needs a SaslHandshake first, once per connection.",
            };
        }

        try
        {
            return new SaslAuthenticateResponse { AuthBytes = exchange.Respond(request.AuthBytes) };
        }
        catch (SaslAuthenticationException e)
        {
            LogFailed(context.Cluster.Logger, connection.Id, connection.RemoteEndPoint);
            connection.CloseAfterResponse = true;
            return new SaslAuthenticateResponse { ErrorCode = (short)ErrorCode.SaslAuthenticationFailed, ErrorMessage = e.Message };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SASL authentication failed on connection {Id} from {Remote}; the connection is closed.")]
    private static partial void LogFailed(ILogger logger, long id, string remote);
}
