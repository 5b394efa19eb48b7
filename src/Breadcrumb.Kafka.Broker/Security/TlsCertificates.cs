using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>
/// Makes the certificates of a TLS listener at start: a self-signed CA, and a server certificate it signs for
/// the listen address, 127.0.0.1 and localhost. Clients trust the CA through the PEM file the cluster writes.
/// </summary>
internal static class TlsCertificates
{
    public static (X509Certificate2 Server, string CaPem) Create(string host)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Breadcrumb.Kafka embedded broker CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        using var ca = caRequest.CreateSelfSigned(notBefore, notBefore.AddYears(5));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + host, serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        if (IPAddress.TryParse(host, out var address) && !address.Equals(IPAddress.Loopback))
        {
            names.AddIpAddress(address);
        }
        else if (host != "localhost" && !IPAddress.TryParse(host, out _))
        {
            names.AddDnsName(host);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, notBefore, notBefore.AddYears(2), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // A round trip through PKCS#12 gives a certificate whose key every TLS backend accepts.
#if NET9_0_OR_GREATER
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
#else
        var server = new X509Certificate2(withKey.Export(X509ContentType.Pkcs12));
#endif
        return (server, ca.ExportCertificatePem());
    }
}
