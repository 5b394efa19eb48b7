namespace Breadcrumb.Kafka.Broker.Protocol.Messages;

/// <summary>One API of the catalog: its key, name, the versions its codec handles and where flexible versions begin.</summary>
internal sealed record ApiDescriptor(
    short Key,
    string Name,
    short MinVersion,
    short MaxVersion,
    short FirstFlexibleVersion,
    Func<IKafkaMessage> CreateRequest,
    Func<IKafkaMessage> CreateResponse)
{
    public bool IsFlexible(short version) => version >= FirstFlexibleVersion;

    /// <summary>Gets the request header version: 2 for flexible versions, else 1.</summary>
    public short RequestHeaderVersion(short version) => IsFlexible(version) ? (short)2 : (short)1;

    /// <summary>Gets the response header version: 1 for flexible versions, else 0; ApiVersions always answers with 0.</summary>
    public short ResponseHeaderVersion(short version) => Key == 18 ? (short)0 : IsFlexible(version) ? (short)1 : (short)0;
}
