using Breadcrumb.Kafka.Samples;
using Breadcrumb.Kafka.Samples.ConsumerGroups;

// Lab section H — Consumer Groups.
//  1. two consumer groups, one consumer in each;
//  2. the producer sends all 1000 records;
//  3. each group's consumer gets all of them;
//  4. a second consumer joins one of the groups (three consumers in total);
//  5. rerun the producer and the consumers: each group gets everything, the two consumers of one group split it.
//  And the student's surprise: a brand-new group reads the whole history.
var command = new SampleCommand(
    "H",
    "Lab section H (Consumer Groups): two groups with one consumer each both receive all --records records; then a second "
    + "consumer joins group 1 and the producer runs again: group 2 gets all the new records, group 1's two consumers split "
    + "them by partition. Finally a new group reads the topic's whole history.");

return await command.RunAsync(args, async (ctx, _) => await ConsumerGroupsSection.RunAsync(ctx));
