using System.Security.Cryptography.X509Certificates;

namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>
/// The cluster's listener security, made once at start: whether connections use TLS and must authenticate with
/// SASL, the users and mechanisms, the server certificate, and the CA file clients trust (ssl.ca.location).
/// </summary>
internal sealed class ClusterSecurity : IDisposable
{
    /// <summary>Kafka's sasl.server.max.receive.size: the largest frame a connection may send before it authenticates.</summary>
    public const int MaxUnauthenticatedFrameBytes = 524288;

    private ClusterSecurity(KafkaSecurityProtocol protocol, SaslUsers? users, IReadOnlyList<string> mechanisms, X509Certificate2? certificate, string? caPath)
    {
        Protocol = protocol;
        Users = users;
        Mechanisms = mechanisms;
        Certificate = certificate;
        CaCertificatePath = caPath;
    }

    public KafkaSecurityProtocol Protocol { get; }

    public bool UsesTls => Protocol is KafkaSecurityProtocol.Ssl or KafkaSecurityProtocol.SaslSsl;

    public bool RequiresSasl => Protocol is KafkaSecurityProtocol.SaslPlaintext or KafkaSecurityProtocol.SaslSsl;

    public SaslUsers? Users { get; }

    public IReadOnlyList<string> Mechanisms { get; }

    public X509Certificate2? Certificate { get; }

    public string? CaCertificatePath { get; }

    public static ClusterSecurity Create(KafkaClusterOptions options, string clusterId)
    {
        var protocol = options.SecurityProtocol;
        var sasl = protocol is KafkaSecurityProtocol.SaslPlaintext or KafkaSecurityProtocol.SaslSsl;
        var tls = protocol is KafkaSecurityProtocol.Ssl or KafkaSecurityProtocol.SaslSsl;
        X509Certificate2? certificate = null;
        string? caPath = null;
        if (tls)
        {
            if (options.TlsCertificate is { } given)
            {
                certificate = given;
            }
            else
            {
                (certificate, var caPem) = TlsCertificates.Create(options.Host);
                caPath = Path.Combine(Path.GetTempPath(), $"breadcrumb-kafka-{clusterId}-ca.pem");
                File.WriteAllText(caPath, caPem);
            }
        }

        var mechanisms = options.SaslMechanisms.Count > 0 ? [.. options.SaslMechanisms] : SaslMechanism.All;
        return new ClusterSecurity(protocol, sasl ? new SaslUsers(new Dictionary<string, string>(options.SaslUsers)) : null, mechanisms, certificate, caPath);
    }

    public ISaslExchange? StartExchange(string mechanism) =>
        Users is null || !Mechanisms.Contains(mechanism) ? null
        : mechanism == SaslMechanism.Plain ? new PlainExchange(Users)
        : new ScramExchange(Users, mechanism);

    public void Dispose()
    {
        if (CaCertificatePath is not null)
        {
            File.Delete(CaCertificatePath);
            Certificate?.Dispose();
        }
    }
}
