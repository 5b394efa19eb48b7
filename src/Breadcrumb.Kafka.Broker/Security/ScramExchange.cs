using System.Security.Cryptography;
using System.Text;

namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>
/// SASL SCRAM-SHA-256/512 (RFC 5802, RFC 7677), server side: client-first → server-first (nonce, salt,
/// iterations) → client-final with the proof → server-final with the server's signature.
/// </summary>
internal sealed class ScramExchange(SaslUsers users, string mechanism) : ISaslExchange
{
    private string? clientFirstBare;
    private string? serverFirst;
    private string? nonce;
    private string? gs2Header;
    private ScramCredential? credential;

    public bool IsComplete { get; private set; }

    public string? User { get; private set; }

    public byte[] Respond(ReadOnlySpan<byte> clientToken)
    {
        var message = Encoding.UTF8.GetString(clientToken);
        return serverFirst is null ? First(message) : Final(message);
    }

    private byte[] First(string message)
    {
        // gs2-header: "n,," (no channel binding) with an optional "a=authzid"; then "n=user,r=nonce[,...]".
        var parts = message.Split(',');
        if (parts.Length < 4 || parts[0] is not ("n" or "y"))
        {
            throw new SaslAuthenticationException($"Invalid {mechanism} client-first message.");
        }

        gs2Header = parts[0] + "," + parts[1] + ",";
        clientFirstBare = string.Join(',', parts.Skip(2));
        var user = Attribute(parts[2], 'n')?.Replace("=2C", ",", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
        var clientNonce = Attribute(parts[3], 'r');
        if (user is null || string.IsNullOrEmpty(clientNonce))
        {
            throw new SaslAuthenticationException($"Invalid {mechanism} client-first message: no user or nonce.");
        }

        credential = users.Scram(user, mechanism) ?? throw new SaslAuthenticationException(Failed);
        User = user;
        nonce = clientNonce + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        serverFirst = $"r={nonce},s={Convert.ToBase64String(credential.Salt)},i={credential.Iterations}";
        return Encoding.UTF8.GetBytes(serverFirst);
    }

    private byte[] Final(string message)
    {
        var parts = message.Split(',');
        var channelBinding = parts.Length >= 3 ? Attribute(parts[0], 'c') : null;
        var finalNonce = parts.Length >= 3 ? Attribute(parts[1], 'r') : null;
        var proof = parts.Length >= 3 ? Attribute(parts[^1], 'p') : null;
        // Kafka accepts a final nonce that ends with the server's (librdkafka before 2.2 repeats its own nonce in front).
        if (channelBinding != Convert.ToBase64String(Encoding.UTF8.GetBytes(gs2Header!)) || finalNonce?.EndsWith(nonce!, StringComparison.Ordinal) != true || proof is null)
        {
            throw new SaslAuthenticationException($"Invalid {mechanism} client-final message.");
        }

        var withoutProof = message[..message.LastIndexOf(",p=", StringComparison.Ordinal)];
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = ScramCredential.Hmac(credential!.Hash, credential.StoredKey, authMessage);
        byte[] clientProof;
        try
        {
            clientProof = Convert.FromBase64String(proof);
        }
        catch (FormatException)
        {
            throw new SaslAuthenticationException(Failed);
        }

        if (clientProof.Length != signature.Length)
        {
            throw new SaslAuthenticationException(Failed);
        }

        var clientKey = new byte[signature.Length];
        for (var i = 0; i < clientKey.Length; i++)
        {
            clientKey[i] = (byte)(clientProof[i] ^ signature[i]);
        }

        if (!CryptographicOperations.FixedTimeEquals(ScramCredential.HashOf(credential.Hash, clientKey), credential.StoredKey))
        {
            throw new SaslAuthenticationException(Failed);
        }

        IsComplete = true;
        return Encoding.UTF8.GetBytes("v=" + Convert.ToBase64String(ScramCredential.Hmac(credential.Hash, credential.ServerKey, authMessage)));
    }

    private string Failed => $"Authentication failed during authentication due to invalid credentials with SASL mechanism {mechanism}";

    private static string? Attribute(string part, char name) => part.Length >= 2 && part[0] == name && part[1] == '=' ? part[2..] : null;
}
