namespace Breadcrumb.Kafka.Testing.Fidelity.Protocol;

/// <summary>One API the broker supports, as an ApiVersions response lists it.</summary>
/// <param name="ApiKey">The request kind.</param>
/// <param name="MinVersion">The oldest version supported.</param>
/// <param name="MaxVersion">The newest version supported.</param>
internal readonly record struct ApiVersionRange(short ApiKey, short MinVersion, short MaxVersion);

/// <summary>Reads and writes ApiVersions responses, versions 0 to 2 (non-flexible; the mock supports no newer).</summary>
internal static class ApiVersionsMessages
{
    public const short MaxVersion = 2;

    /// <summary>Rewrites a response body (after the correlation id) so it also lists <paramref name="added"/>.</summary>
    /// <returns><see langword="null"/> when the response carries an error (left as it is).</returns>
    public static KafkaWriter? AddApis(ReadOnlySpan<byte> body, short version, IReadOnlyList<ApiVersionRange> added)
    {
        var reader = new KafkaReader(body);
        var error = reader.ReadInt16();
        if (error != 0)
        {
            return null;
        }

        var apis = new List<ApiVersionRange>();
        var count = reader.ReadArrayLength();
        for (var i = 0; i < count; i++)
        {
            apis.Add(new ApiVersionRange(reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt16()));
        }

        var throttle = version >= 1 ? reader.ReadInt32() : 0;
        apis.RemoveAll(a => added.Any(x => x.ApiKey == a.ApiKey));
        apis.AddRange(added);

        var writer = new KafkaWriter(body.Length + (added.Count * 6));
        writer.WriteInt16(0);
        writer.WriteInt32(apis.Count);
        foreach (var api in apis)
        {
            writer.WriteInt16(api.ApiKey);
            writer.WriteInt16(api.MinVersion);
            writer.WriteInt16(api.MaxVersion);
        }

        if (version >= 1)
        {
            writer.WriteInt32(throttle);
        }

        return writer;
    }
}
