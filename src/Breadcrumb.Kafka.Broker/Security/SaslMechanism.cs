namespace Breadcrumb.Kafka.Broker.Security;

/// <summary>The SASL mechanisms the broker serves, by their protocol names.</summary>
internal static class SaslMechanism
{
    public const string Plain = "PLAIN";
    public const string ScramSha256 = "SCRAM-SHA-256";
    public const string ScramSha512 = "SCRAM-SHA-512";

    public static readonly IReadOnlyList<string> All = [Plain, ScramSha256, ScramSha512];
}
