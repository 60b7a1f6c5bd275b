namespace Linli.Modules.Notifications;

// The loop of a periodic background job: a first tick right after start (work left while the app was down is
// done at once), then one per interval; a failing tick is logged and the next one tries again.
public static class Ticker
{
    public static async Task RunAsync(int seconds, TimeProvider time, ILogger log, string name, Func<CancellationToken, Task> tick, CancellationToken stop)
    {
        if (seconds <= 0)
        {
            log.LogInformation("{Job} is turned off (interval 0).", name);
            return;
        }
        await Task.Yield(); // let the host finish starting
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
            do
            {
                try
                {
                    await tick(stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "{Job} failed; trying again at the next tick.", name);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
