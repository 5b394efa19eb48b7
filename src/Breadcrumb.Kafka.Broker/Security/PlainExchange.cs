using System.Security.Cryptography;
using System.Text;

namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>SASL PLAIN (RFC 4616): one token "authzid NUL user NUL password", checked in constant time.</summary>
internal sealed class PlainExchange(SaslUsers users) : ISaslExchange
{
    public bool IsComplete { get; private set; }

    public string? User { get; private set; }

    public byte[] Respond(ReadOnlySpan<byte> clientToken)
    {
        var parts = Encoding.UTF8.GetString(clientToken).Split('\0');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            throw new SaslAuthenticationException("Invalid SASL/PLAIN token: expected authzid NUL username NUL password.");
        }

        var (authorizationId, user, password) = (parts[0], parts[1], parts[2]);
        if (authorizationId.Length > 0 && authorizationId != user)
        {
            throw new SaslAuthenticationException("SASL/PLAIN: the authorization id must be empty or the username.");
        }

        if (!users.TryGetPassword(user, out var expected) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password)))
        {
            throw new SaslAuthenticationException("Authentication failed: Invalid username or password");
        }

        User = user;
        IsComplete = true;
        return [];
    }
}
