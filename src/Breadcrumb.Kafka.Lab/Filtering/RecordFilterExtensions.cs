using Breadcrumb.Kafka.Lab.Filtering.Internal;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Combines <see cref="IRecordFilter"/>s.</summary>
public static class RecordFilterExtensions
{
    /// <summary>Creates a filter that keeps a record only when both filters keep it (the second is not asked when the first says no).</summary>
    /// <param name="first">The first filter.</param>
    /// <param name="second">The second filter.</param>
    /// <returns>The combined filter.</returns>
    /// <exception cref="ArgumentNullException">A filter is <see langword="null"/>.</exception>
    public static IRecordFilter And(this IRecordFilter first, IRecordFilter second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new AndFilter(first, second);
    }

    /// <summary>Creates a filter that keeps a record when either filter keeps it (the second is not asked when the first says yes).</summary>
    /// <param name="first">The first filter.</param>
    /// <param name="second">The second filter.</param>
    /// <returns>The combined filter.</returns>
    /// <exception cref="ArgumentNullException">A filter is <see langword="null"/>.</exception>
    public static IRecordFilter Or(this IRecordFilter first, IRecordFilter second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new OrFilter(first, second);
    }

    /// <summary>Creates a filter that keeps exactly the records <paramref name="filter"/> skips.</summary>
    /// <param name="filter">The filter to invert.</param>
    /// <returns>The inverted filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public static IRecordFilter Not(this IRecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter is NotFilter not ? not.Inner : new NotFilter(filter);
    }
}
