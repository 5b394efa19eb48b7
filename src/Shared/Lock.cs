#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// Stands in for .NET 9's <c>System.Threading.Lock</c> on net8.0: the compiler lowers <c>lock</c> on it to
/// <see cref="EnterScope"/>, here a monitor. Linked into each package that needs it (src/Shared), internal to each.
/// </summary>
internal sealed class Lock
{
    private readonly object monitor = new();

    /// <summary>Enters the lock; disposing the scope exits it.</summary>
    /// <returns>The scope.</returns>
    public Scope EnterScope()
    {
        Monitor.Enter(monitor);
        return new Scope(monitor);
    }

    /// <summary>Holds the lock until disposed.</summary>
    public readonly ref struct Scope
    {
        private readonly object monitor;

        internal Scope(object monitor) => this.monitor = monitor;

        /// <summary>Exits the lock.</summary>
        public void Dispose() => Monitor.Exit(monitor);
    }
}
#endif
