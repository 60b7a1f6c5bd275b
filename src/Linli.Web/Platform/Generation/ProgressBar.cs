using System.Diagnostics;

namespace Linli.Platform.Generation;

// 进度条 one line per stage on stderr, redrawn in place (at most ten times a second) while the stage runs, ended
// with a newline when the next stage starts or the bar is disposed. Without a terminal it prints each stage once done.
public sealed class ProgressBar(TextWriter output, bool redraw) : IProgress<GenerationProgress>, IDisposable
{
    const int Width = 30;
    readonly Lock gate = new();
    readonly long started = Stopwatch.GetTimestamp();
    string? stage;
    GenerationProgress? last;
    long drawnAt;

    public static ProgressBar ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(GenerationProgress value)
    {
        lock (gate)
        {
            if (stage != value.Stage) Finish();
            stage = value.Stage;
            last = value;
            var now = Stopwatch.GetTimestamp();
            if (redraw && (Stopwatch.GetElapsedTime(drawnAt, now).TotalMilliseconds >= 100 || value.Done >= value.Total))
            {
                output.Write("\r" + Line(value));
                drawnAt = now;
            }
        }
    }

    void Finish()
    {
        if (last is null) return;
        output.WriteLine(redraw ? "\r" + Line(last) : Line(last));
        last = null;
    }

    string Line(GenerationProgress p)
    {
        var share = p.Total <= 0 ? 1 : Math.Clamp((double)p.Done / p.Total, 0, 1);
        var filled = (int)Math.Round(share * Width);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return $"{p.Stage,-12} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} {p.Done,12:N0} / {p.Total:N0}  {elapsed:mm\\:ss}";
    }

    public void Dispose()
    {
        lock (gate) Finish();
    }
}
