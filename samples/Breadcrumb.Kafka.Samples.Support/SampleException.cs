namespace Breadcrumb.Kafka.Samples;

/// <summary>A mistake the user can fix (bad argument, missing file, unreachable broker): printed as one line, no stack trace.</summary>
public sealed class SampleException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SampleException"/> class.</summary>
    public SampleException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SampleException"/> class.</summary>
    /// <param name="message">What went wrong and how to fix it, in one line.</param>
    public SampleException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SampleException"/> class.</summary>
    /// <param name="message">What went wrong and how to fix it, in one line.</param>
    /// <param name="innerException">The cause.</param>
    public SampleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
