using System.Security.Cryptography;
using System.Text;

namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>The users SASL accepts, with their SCRAM credentials (salted once, at start, 4,096 iterations as Kafka's minimum).</summary>
internal sealed class SaslUsers
{
    public const int ScramIterations = 4096;

    private readonly Dictionary<string, string> passwords;
    private readonly Dictionary<(string User, string Mechanism), ScramCredential> scram = [];

    public SaslUsers(IReadOnlyDictionary<string, string> users)
    {
        passwords = new Dictionary<string, string>(users, StringComparer.Ordinal);
        foreach (var (user, password) in passwords)
        {
            foreach (var mechanism in new[] { SaslMechanism.ScramSha256, SaslMechanism.ScramSha512 })
            {
                scram[(user, mechanism)] = ScramCredential.Create(mechanism, password);
            }
        }
    }

    public bool TryGetPassword(string user, out string password) => passwords.TryGetValue(user, out password!);

    public ScramCredential? Scram(string user, string mechanism) => scram.GetValueOrDefault((user, mechanism));
}

/// <summary>What a SCRAM server keeps of a password (RFC 5802): salt, iterations, stored key and server key.</summary>
internal sealed record ScramCredential(HashAlgorithmName Hash, byte[] Salt, int Iterations, byte[] StoredKey, byte[] ServerKey)
{
    public static ScramCredential Create(string mechanism, string password)
    {
        var hash = mechanism == SaslMechanism.ScramSha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, SaslUsers.ScramIterations, hash, hash == HashAlgorithmName.SHA512 ? 64 : 32);
        var clientKey = Hmac(hash, salted, "Client Key"u8);
        return new ScramCredential(hash, salt, SaslUsers.ScramIterations, HashOf(hash, clientKey), Hmac(hash, salted, "Server Key"u8));
    }

    public static byte[] Hmac(HashAlgorithmName hash, byte[] key, ReadOnlySpan<byte> data) =>
        hash == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);

    public static byte[] HashOf(HashAlgorithmName hash, byte[] data) =>
        hash == HashAlgorithmName.SHA512 ? SHA512.HashData(data) : SHA256.HashData(data);
}
