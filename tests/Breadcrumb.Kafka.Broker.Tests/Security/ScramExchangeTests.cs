using System.Security.Cryptography;
using System.Text;
using Breadcrumb.Kafka.Broker.Security;

namespace Breadcrumb.Kafka.Broker.Tests.Security;

/// <summary>The SCRAM server against a client written from RFC 5802 here, including what older librdkafka sends.</summary>
public sealed class ScramExchangeTests
{
    private static readonly SaslUsers Users = new(new Dictionary<string, string> { ["alice"] = "wonderland" });

    [Theory]
    [InlineData("SCRAM-SHA-256", false)]
    [InlineData("SCRAM-SHA-512", false)]
    [InlineData("SCRAM-SHA-256", true)]
    public void Exchange_RightPassword_Completes_AndSignsTheServer(string mechanism, bool repeatClientNonce)
    {
        var sut = new ScramExchange(Users, mechanism);

        var (final, expectedSignature) = Client(sut, mechanism, "wonderland", repeatClientNonce);
        var serverFinal = Encoding.UTF8.GetString(sut.Respond(Encoding.UTF8.GetBytes(final)));

        sut.IsComplete.Should().BeTrue(repeatClientNonce ? "Kafka accepts a final nonce that only ends with the server's (librdkafka 2.0)" : "the proof is right");
        sut.User.Should().Be("alice");
        serverFinal.Should().Be("v=" + expectedSignature);
    }

    [Fact]
    public void Exchange_WrongPassword_FailsWithoutNamingTheCredential()
    {
        var sut = new ScramExchange(Users, "SCRAM-SHA-256");

        var (final, _) = Client(sut, "SCRAM-SHA-256", "not-it", repeatClientNonce: false);
        var respond = () => sut.Respond(Encoding.UTF8.GetBytes(final));

        respond.Should().Throw<SaslAuthenticationException>().Which.Message.Should().NotContain("alice").And.NotContain("not-it");
        sut.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void Exchange_UnknownUser_FailsAtTheFirstMessage()
    {
        var sut = new ScramExchange(Users, "SCRAM-SHA-256");

        var respond = () => sut.Respond("n,,n=bob,r=abc"u8);

        respond.Should().Throw<SaslAuthenticationException>();
    }

    private static (string Final, string ServerSignature) Client(ScramExchange server, string mechanism, string password, bool repeatClientNonce)
    {
        var hash = mechanism == "SCRAM-SHA-512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
        const string clientNonce = "fyko+d2lbbFgONRv9qkxdawL";
        var clientFirstBare = $"n=alice,r={clientNonce}";
        var serverFirst = Encoding.UTF8.GetString(server.Respond(Encoding.UTF8.GetBytes("n,," + clientFirstBare)));
        var fields = serverFirst.Split(',').ToDictionary(f => f[0], f => f[2..]);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(fields['s']), int.Parse(fields['i'], System.Globalization.CultureInfo.InvariantCulture), hash, hash == HashAlgorithmName.SHA512 ? 64 : 32);
        var clientKey = ScramCredential.Hmac(hash, salted, "Client Key"u8);
        var withoutProof = $"c=biws,r={(repeatClientNonce ? clientNonce : "")}{fields['r']}";
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = ScramCredential.Hmac(hash, ScramCredential.HashOf(hash, clientKey), authMessage);
        var proof = clientKey.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray();
        var serverSignature = ScramCredential.Hmac(hash, ScramCredential.Hmac(hash, salted, "Server Key"u8), authMessage);
        return ($"{withoutProof},p={Convert.ToBase64String(proof)}", Convert.ToBase64String(serverSignature));
    }
}
