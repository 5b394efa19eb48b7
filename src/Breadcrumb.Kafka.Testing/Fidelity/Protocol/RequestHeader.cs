namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>A request header, version 1 (non-flexible): API key, version, correlation id and client id.</summary>
/// <param name="ApiKey">The request kind.</param>
/// <param name="ApiVersion">The request's version.</param>
/// <param name="CorrelationId">The id the response echoes.</param>
internal readonly record struct RequestHeader(short ApiKey, short ApiVersion, int CorrelationId)
{
    /// <summary>Reads the header and leaves <paramref name="reader"/> at the request body.</summary>
    public static RequestHeader Read(ref KafkaReader reader)
    {
        var header = new RequestHeader(reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt32());
        var clientIdLength = reader.ReadInt16();
        reader.Skip(Math.Max((int)clientIdLength, 0));
        return header;
    }
}
