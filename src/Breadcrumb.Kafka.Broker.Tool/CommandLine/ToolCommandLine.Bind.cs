using System.CommandLine;

namespace Breadcrumb.Kafka.Broker.Tool.CommandLine;

/// <summary>Reads the options' text into <see cref="ToolSettings"/> and checks them against each other.</summary>
internal sealed partial class ToolCommandLine
{
    private ToolSettings Bind(ParseResult parsed, List<string> errors)
    {
        var brokerCount = parsed.GetValue(brokers) is { } b
            ? ValueParsers.Int(brokers.Name, b, 1, ToolDefaults.MaxBrokerCount, errors) ?? ToolDefaults.BrokerCount
            : ToolDefaults.BrokerCount;
        var partitions = parsed.GetValue(defaultPartitions) is { } p
            ? ValueParsers.Int(defaultPartitions.Name, p, 1, int.MaxValue, errors) ?? ToolDefaults.DefaultPartitions
            : ToolDefaults.DefaultPartitions;
        var (protocol, users, mechanisms) = BindSecurity(parsed, errors);

        return new ToolSettings
        {
            BrokerCount = brokerCount,
            Ports = BindPorts(parsed.GetValue(ports) ?? [], brokerCount, errors),
            Host = parsed.GetValue(host) is { } h ? ValueParsers.Host(host.Name, h, errors) ?? ToolDefaults.Host : ToolDefaults.Host,
            Topics = BindTopics(parsed.GetValue(topics) ?? [], errors),
            DefaultPartitions = partitions,
            AutoCreateTopics = !parsed.GetValue(noAutoCreate),
            SecurityProtocol = protocol,
            SaslUsers = users,
            SaslMechanisms = mechanisms,
            RetentionMs = parsed.GetValue(retentionMs) is { } ms ? ValueParsers.Milliseconds(retentionMs.Name, ms, errors) : null,
            RetentionBytes = parsed.GetValue(retentionBytes) is { } rb ? ValueParsers.Bytes(retentionBytes.Name, rb, allowMinusOne: true, errors) : null,
            MemoryBudgetBytes = parsed.GetValue(memoryBudget) is { } mb ? ValueParsers.Bytes(memoryBudget.Name, mb, allowMinusOne: false, errors) : null,
            ExitOnStdinClose = parsed.GetValue(exitOnStdinClose),
            LogLevel = parsed.GetValue(logLevel) is { } l ? ValueParsers.Level(logLevel.Name, l, errors) ?? ToolDefaults.LogLevel : ToolDefaults.LogLevel,
        };
    }

    private List<int> BindPorts(string[] values, int brokerCount, List<string> errors)
    {
        var given = ValueParsers.Ports(ports.Name, values, errors);
        if (given.Count == 0 || given.Count == brokerCount)
        {
            // Several brokers may all ask for a free port (0); any other port can serve one broker only.
            if (given.Where(p => p != 0).GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                errors.Add($"{ports.Name} gives port {repeated.Key} twice; each broker needs its own port.");
            }

            return given;
        }

        if (given.Count == 1)
        {
            var first = given[0];
            if (first != 0 && first + brokerCount - 1 > 65535)
            {
                errors.Add($"{ports.Name} {first} with {brokerCount} brokers would go past port 65535; give a lower first port.");
                return [];
            }

            return [.. Enumerable.Range(0, brokerCount).Select(i => first == 0 ? 0 : first + i)];
        }

        errors.Add($"{ports.Name} gives {given.Count} ports for {brokerCount} broker{(brokerCount == 1 ? "" : "s")}: give one port (the brokers take it and the next ones) or one per broker.");
        return [];
    }

    private List<TopicSpec> BindTopics(string[] values, List<string> errors)
    {
        var specs = new List<TopicSpec>();
        foreach (var value in values)
        {
            if (TopicSpecParser.Parse(topics.Name, value, errors) is not { } spec)
            {
                continue;
            }

            if (specs.Any(s => s.Name == spec.Name))
            {
                errors.Add($"{topics.Name} names topic '{spec.Name}' twice.");
                continue;
            }

            specs.Add(spec);
        }

        return specs;
    }

    private (KafkaSecurityProtocol Protocol, List<SaslUser> Users, List<string> Mechanisms) BindSecurity(ParseResult parsed, List<string> errors)
    {
        var users = new List<SaslUser>();
        foreach (var value in parsed.GetValue(saslUsers) ?? [])
        {
            if (ValueParsers.User(saslUsers.Name, value, errors) is not { } user)
            {
                continue;
            }

            if (users.Any(u => u.Name == user.Name))
            {
                errors.Add($"{saslUsers.Name} gives user '{user.Name}' twice.");
                continue;
            }

            users.Add(user);
        }

        var mechanisms = ValueParsers.Mechanisms(saslMechanisms.Name, parsed.GetValue(saslMechanisms) ?? [], errors);
        var protocolText = parsed.GetValue(securityProtocol);
        var protocol = protocolText is null
            ? users.Count > 0 ? KafkaSecurityProtocol.SaslPlaintext : KafkaSecurityProtocol.Plaintext
            : ValueParsers.SecurityProtocol(securityProtocol.Name, protocolText, errors) ?? KafkaSecurityProtocol.Plaintext;
        var sasl = protocol is KafkaSecurityProtocol.SaslPlaintext or KafkaSecurityProtocol.SaslSsl;
        if (protocolText is not null && ValueParsers.SecurityProtocols.ContainsKey(protocolText))
        {
            if (sasl && users.Count == 0 && (parsed.GetValue(saslUsers) ?? []).Length == 0)
            {
                errors.Add($"{securityProtocol.Name} {protocolText} needs at least one {saslUsers.Name} user:password.");
            }

            if (!sasl && users.Count > 0)
            {
                errors.Add($"{saslUsers.Name} needs {securityProtocol.Name} sasl_plaintext or sasl_ssl (was {protocolText}).");
            }
        }

        if (mechanisms.Count > 0 && !sasl)
        {
            errors.Add($"{saslMechanisms.Name} needs SASL: add {saslUsers.Name} user:password (and {securityProtocol.Name} sasl_plaintext or sasl_ssl).");
        }

        return (protocol, users, mechanisms);
    }
}
