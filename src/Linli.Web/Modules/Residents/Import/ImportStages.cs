using System.Diagnostics;

namespace Linli.Modules.Residents;

// 分段计时 where an import's time goes, stage by stage: the benchmark's profile. Optional; the product passes none.
public sealed class ImportStages
{
    readonly Dictionary<string, TimeSpan> spent = [];
    long mark = Stopwatch.GetTimestamp();

    public IReadOnlyDictionary<string, TimeSpan> Spent => spent;

    /// <summary>Starts timing the next stage here (time since the last lap belongs to no stage).</summary>
    public void Start() => mark = Stopwatch.GetTimestamp();

    /// <summary>Adds the time since the last lap to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        spent[stage] = spent.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(mark, now);
        mark = now;
    }
}
