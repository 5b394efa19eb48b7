using System.Globalization;

/// <summary>
/// The crashing member of the Confluent.Kafka rows: this executable started with
/// <c>--member BOOTSTRAP GROUP TOPIC PROTOCOL HEARTBEAT_MS</c> (0 = the client's default) runs one consumer of the
/// variant and speaks <see cref="ProcessMember"/>'s line protocol. The bench kills it to simulate a crash: disposing
/// a consumer in process is no crash, and blocking its poll thread is none either (librdkafka heartbeats from its own
/// threads until max.poll.interval.ms, 5 min, then leaves the group).
/// </summary>
internal static class MemberMode
{
    public static int Run(string bootstrapServers, string groupId, string topic, string protocol, string heartbeat)
    {
        var variant = Variant.FromChildArguments(protocol, heartbeat);
        using var member = new ConfluentMember("child", variant.ConsumerConfig(bootstrapServers, groupId), topic,
            held => Console.WriteLine($"ASSIGNED {string.Join(',', held.Select(p => p.ToString(CultureInfo.InvariantCulture)))}"));
        Console.WriteLine("READY");
        while (Console.ReadLine() is { } command)
        {
            switch (command)
            {
                case "subscribe":
                    member.Subscribe();
                    break;
                case "close":
                    member.Close();
                    Console.WriteLine("CLOSED");
                    return 0;
            }
        }

        return 0;
    }
}
