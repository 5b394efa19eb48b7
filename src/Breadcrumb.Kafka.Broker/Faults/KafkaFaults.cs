using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Faults;

/// <summary>
/// Faults to inject into a running <see cref="KafkaCluster"/>, for tests of what clients do when Kafka misbehaves:
/// error codes for the next requests of an API (for a topic or partition where the API has them), added latency,
/// dropped connections and lost responses. Brokers go down and up with <see cref="KafkaCluster.SetBrokerDownAsync"/>.
/// </summary>
/// <remarks>Thread-safe. Rules apply to requests that arrive after they are added, in the order they were added.</remarks>
public sealed class KafkaFaults
{
    private readonly Lock sync = new();
    private readonly List<FaultRule> rules = [];
    private readonly Action<int?> dropConnections;
    private volatile bool any;
    private TimeSpan latency;
    private KafkaApiKey? latencyApi;

    internal KafkaFaults(Action<int?> dropConnections) => this.dropConnections = dropConnections;

    /// <summary>
    /// Answers the next <paramref name="count"/> requests of <paramref name="api"/> with <paramref name="errorCode"/>
    /// instead of doing them. With <paramref name="topic"/> (and <paramref name="partition"/>), only that topic's
    /// (partition's) part of a request fails and the rest is done; that needs an API with partitions in its requests.
    /// </summary>
    /// <param name="api">The API whose requests fail.</param>
    /// <param name="errorCode">The Kafka error code to answer (Confluent's <c>ErrorCode</c> values for broker errors are the same numbers).</param>
    /// <param name="count">How many requests fail; at least 1.</param>
    /// <param name="topic">Only this topic's partitions fail; null for whole requests.</param>
    /// <param name="partition">Only this partition of <paramref name="topic"/> fails.</param>
    /// <param name="nodeId">Only requests to this broker fail; null for any broker.</param>
    /// <exception cref="ArgumentException">The API cannot carry that error (it has no partitions, or no request-level error code).</exception>
    public void FailNext(KafkaApiKey api, short errorCode, int count = 1, string? topic = null, int? partition = null, int? nodeId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (partition is not null && topic is null)
        {
            throw new ArgumentException("A partition needs its topic.", nameof(partition));
        }

        var perPartition = FaultableApis.PartitionAware.Contains(api);
        if (topic is not null && !perPartition)
        {
            throw new ArgumentException(
                $"{api} requests have no partitions to fail one by one; these do: {string.Join(", ", FaultableApis.PartitionAware)}.", nameof(topic));
        }

        if (!perPartition && !FaultableApis.HasRequestError(api))
        {
            throw new ArgumentException($"{api} responses carry no request-level error code, so it cannot be failed as a whole.", nameof(api));
        }

        Add(new FaultRule(api, FaultKind.Error, (ErrorCode)errorCode, count, topic, partition, nodeId));
    }

    /// <summary>Does the next <paramref name="count"/> requests of <paramref name="api"/>, but sends no answer and closes the connection, as if the response were lost on the way.</summary>
    /// <param name="api">The API whose responses are lost.</param>
    /// <param name="count">How many responses; at least 1.</param>
    /// <param name="nodeId">Only on this broker; null for any.</param>
    public void LoseNextResponses(KafkaApiKey api, int count = 1, int? nodeId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Add(new FaultRule(api, FaultKind.LoseResponse, ErrorCode.None, count, null, null, nodeId));
    }

    /// <summary>Holds every request (of <paramref name="api"/> only, if given) for <paramref name="delay"/> before doing it; zero removes the latency.</summary>
    /// <param name="delay">The added latency.</param>
    /// <param name="api">The API to slow down; null for all.</param>
    public void SetLatency(TimeSpan delay, KafkaApiKey? api = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (sync)
        {
            latency = delay;
            latencyApi = api;
            any = rules.Count > 0 || latency > TimeSpan.Zero;
        }
    }

    /// <summary>Closes every client connection now (of one broker, if given); clients reconnect.</summary>
    /// <param name="nodeId">The broker whose connections drop; null for all brokers.</param>
    public void DropConnections(int? nodeId = null) => dropConnections(nodeId);

    /// <summary>Removes every rule and the latency.</summary>
    public void Clear()
    {
        lock (sync)
        {
            rules.Clear();
            latency = TimeSpan.Zero;
            any = false;
        }
    }

    /// <summary>Gets how many injected failures have not happened yet.</summary>
    public int Pending
    {
        get
        {
            lock (sync)
            {
                return rules.Sum(r => r.Remaining);
            }
        }
    }

    internal bool Any => any;

    internal TimeSpan LatencyFor(KafkaApiKey api)
    {
        lock (sync)
        {
            return latencyApi is null || latencyApi == api ? latency : TimeSpan.Zero;
        }
    }

    /// <summary>Takes what this request gets: errors (one use of each matching rule) and whether its response is lost.</summary>
    internal (RequestFaults? Errors, bool LoseResponse) Take(KafkaApiKey api, int nodeId, IReadOnlyCollection<(string Topic, int Partition)> partitions)
    {
        if (!any)
        {
            return (null, false);
        }

        lock (sync)
        {
            RequestFaults? errors = null;
            var lose = false;
            foreach (var rule in rules.Where(r => r.Api == api && r.Remaining > 0 && (r.NodeId is null || r.NodeId == nodeId)).ToList())
            {
                if (rule.Kind == FaultKind.LoseResponse)
                {
                    if (!lose)
                    {
                        lose = true;
                        rule.Remaining--;
                    }

                    continue;
                }

                if (!rule.IsForPartitions)
                {
                    errors ??= new RequestFaults();
                    if (errors.Whole is null)
                    {
                        errors.Whole = rule.Error;
                        rule.Remaining--;
                    }
                }
                else if (partitions.Any(p => rule.Matches(p.Topic, p.Partition)))
                {
                    (errors ??= new RequestFaults()).Add(rule);
                    rule.Remaining--;
                }
            }

            rules.RemoveAll(r => r.Remaining <= 0);
            any = rules.Count > 0 || latency > TimeSpan.Zero;
            return (errors, lose);
        }
    }

    private void Add(FaultRule rule)
    {
        lock (sync)
        {
            rules.Add(rule);
            any = true;
        }
    }
}
