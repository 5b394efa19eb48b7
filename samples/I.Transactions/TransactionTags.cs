using System.Globalization;

namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>
/// Names each record's transaction in its key (<c>lab-i-…/t3/r1</c>: transaction 3, record 1), so a consumer identifies
/// a record of an aborted transaction by what it carries, not by counting.
/// </summary>
/// <param name="TransactionalId">The producer's transactional id, unique to the run.</param>
public sealed record TransactionTags(string TransactionalId)
{
    /// <summary>Returns the key of a record.</summary>
    /// <param name="transaction">The transaction's number, from 1.</param>
    /// <param name="record">The record's position in it, from 0.</param>
    /// <returns>The key.</returns>
    public string Key(int transaction, int record) => string.Create(CultureInfo.InvariantCulture, $"{TransactionalId}/t{transaction}/r{record}");

    /// <summary>Reads the transaction a key names.</summary>
    /// <param name="key">The record's key.</param>
    /// <returns>The transaction's number, or null when the key names no transaction of this producer.</returns>
    public int? Transaction(string? key)
    {
        var prefix = TransactionalId + "/t";
        if (key is null || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        return slash > 0 && int.TryParse(rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
