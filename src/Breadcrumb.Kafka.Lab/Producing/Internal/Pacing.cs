namespace Breadcrumb.Kafka.Lab.Producing;

/// <summary>Decides how long a run waits after its n-th send: the delay after each send plus any pause rule.</summary>
internal sealed class Pacing(TimeSpan delayAfterEachSend, PauseRule? pause)
{
    public bool IsNone => delayAfterEachSend == TimeSpan.Zero && pause is null;

    /// <summary>Returns the wait after the <paramref name="sent"/>-th record of a run (1-based).</summary>
    public TimeSpan DelayAfter(long sent) =>
        pause is not null && sent % pause.Every == 0 ? delayAfterEachSend + pause.Duration : delayAfterEachSend;
}
