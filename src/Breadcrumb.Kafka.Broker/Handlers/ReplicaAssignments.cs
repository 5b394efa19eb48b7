using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Checks manual replica assignments (CreateTopics, CreatePartitions) and takes each partition's first replica as its leader.</summary>
internal static class ReplicaAssignments
{
    public static (ErrorCode Error, string? Message, List<int>? Leaders) Leaders(ClusterCore cluster, IEnumerable<List<int>> assignments, int expectedCount)
    {
        var leaders = new List<int>();
        int? replicas = null;
        foreach (var brokerIds in assignments)
        {
            if (brokerIds.Count == 0 || brokerIds.Distinct().Count() != brokerIds.Count)
            {
                return (ErrorCode.InvalidReplicaAssignment, "Each partition needs one or more distinct broker ids.", null);
            }

            if (replicas is not null && replicas != brokerIds.Count)
            {
                return (ErrorCode.InvalidReplicaAssignment, "All partitions need the same number of replicas.", null);
            }

            var unknown = brokerIds.FirstOrDefault(id => cluster.FindBroker(id) is null, int.MinValue);
            if (unknown != int.MinValue)
            {
                return (ErrorCode.InvalidReplicaAssignment, $"Unknown broker id {unknown} in the replica assignment.", null);
            }

            replicas = brokerIds.Count;
            leaders.Add(brokerIds[0]);
        }

        return leaders.Count != expectedCount
            ? (ErrorCode.InvalidReplicaAssignment, $"The assignment names {leaders.Count} partitions where {expectedCount} are being created.", null)
            : (ErrorCode.None, null, leaders);
    }
}
