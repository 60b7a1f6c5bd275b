using System.Linq.Expressions;
using System.Reflection;

namespace Linli.Modules.Matters.Stats;

// The grouping keys and aggregates of the statistics as expression trees EF translates to one GROUP BY each
// (CASE for buckets, COUNT(CASE …) per metric), the same on SQLite and PostgreSQL.
public static class StatsSql
{
    /// <summary>What one group of matters adds up to: the received count, one count per <see cref="MatterMetrics.Counted"/>, hours resolved.</summary>
    public sealed class Tally
    {
        public int Key { get; set; }
        public int Received { get; set; }
        public int[] Counts { get; set; } = [];
        public double HandlingHours { get; set; }   // Σ (ResolvedAt − CreatedAt) over the resolved, in hours
    }

    /// <summary>index i of the first path the OrgPath starts with, else -1 (the unit itself, or below none of them).</summary>
    public static Expression<Func<Matter, int>> PathKey(IReadOnlyList<string> paths)
    {
        var m = Expression.Parameter(typeof(Matter), "m");
        var orgPath = Expression.Property(m, nameof(Matter.OrgPath));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression key = Expression.Constant(-1);
        for (var i = paths.Count - 1; i >= 0; i--)
            key = Expression.Condition(Expression.Call(orgPath, startsWith, Expression.Constant(paths[i])), Expression.Constant(i), key);
        return Expression.Lambda<Func<Matter, int>>(key, m);
    }

    /// <summary>index i of the bucket [starts[i], starts[i+1]) the time falls in (the rows are already limited to the period).</summary>
    public static Expression<Func<T, int>> TimeKey<T>(Expression<Func<T, DateTime>> at, IReadOnlyList<DateTime> starts)
    {
        Expression key = Expression.Constant(starts.Count - 1);
        for (var i = starts.Count - 1; i >= 1; i--)
            key = Expression.Condition(Expression.LessThan(at.Body, Expression.Constant(starts[i])), Expression.Constant(i - 1), key);
        return Expression.Lambda<Func<T, int>>(key, at.Parameters);
    }

    public sealed class EventWeek
    {
        public string OrgPath { get; set; } = "";
        public long MatterId { get; set; }
        public int Week { get; set; }
    }

    /// <summary>e => new EventWeek { e.OrgPath, e.MatterId, Week = weekKey(e) }, so the week can be grouped on.</summary>
    public static Expression<Func<MatterEvent, EventWeek>> WithWeek(Expression<Func<MatterEvent, int>> weekKey)
    {
        var e = weekKey.Parameters[0];
        return Expression.Lambda<Func<MatterEvent, EventWeek>>(Expression.MemberInit(Expression.New(typeof(EventWeek)),
            Expression.Bind(typeof(EventWeek).GetProperty(nameof(EventWeek.OrgPath))!, Expression.Property(e, nameof(MatterEvent.OrgPath))),
            Expression.Bind(typeof(EventWeek).GetProperty(nameof(EventWeek.MatterId))!, Expression.Property(e, nameof(MatterEvent.MatterId))),
            Expression.Bind(typeof(EventWeek).GetProperty(nameof(EventWeek.Week))!, weekKey.Body)), e);
    }

    /// <summary>g => new Tally { Key, Received = g.Count(), Counts = [g.Count(metric)…], HandlingHours = g.Sum(…) }.</summary>
    public static Expression<Func<IGrouping<int, Matter>, Tally>> TallyOf()
    {
        var g = Expression.Parameter(typeof(IGrouping<int, Matter>), "g");
        var count = Method(nameof(Enumerable.Count), 1);
        var countWhere = Method(nameof(Enumerable.Count), 2);
        var counts = MatterMetrics.Counted.Select(metric => (Expression)Expression.Call(countWhere, g, MatterMetrics.Predicate(metric)));
        var sum = typeof(Enumerable).GetMethods().Single(x => x.Name == nameof(Enumerable.Sum) && x.IsGenericMethod
            && x.GetParameters()[1].ParameterType == typeof(Func<,>).MakeGenericType(x.GetGenericArguments()[0], typeof(double)))
            .MakeGenericMethod(typeof(Matter));
        return Expression.Lambda<Func<IGrouping<int, Matter>, Tally>>(Expression.MemberInit(Expression.New(typeof(Tally)),
            Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.Key))!, Expression.Property(g, nameof(IGrouping<int, Matter>.Key))),
            Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.Received))!, Expression.Call(count, g)),
            Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.Counts))!, Expression.NewArrayInit(typeof(int), counts)),
            Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.HandlingHours))!, Expression.Call(sum, g, HandlingHours()))), g);
    }

    static MethodInfo Method(string name, int parameters) => typeof(Enumerable).GetMethods()
        .Single(x => x.Name == name && x.GetParameters().Length == parameters).MakeGenericMethod(typeof(Matter));

    // m => m.ResolvedAt != null ? Hours(m.ResolvedAt) − Hours(m.CreatedAt) : 0. Hours are counted from 0001-01-01 with the
    // date parts both databases translate (year, day of year, hour, minute, second): SQLite has no interval arithmetic.
    static Expression<Func<Matter, double>> HandlingHours()
    {
        var m = Expression.Parameter(typeof(Matter), "m");
        var resolved = Expression.Property(m, nameof(Matter.ResolvedAt));
        var body = Expression.Condition(Expression.NotEqual(resolved, Expression.Constant(null, typeof(DateTime?))),
            Expression.Subtract(Hours(Expression.Property(resolved, "Value")), Hours(Expression.Property(m, nameof(Matter.CreatedAt)))),
            Expression.Constant(0.0));
        return Expression.Lambda<Func<Matter, double>>(body, m);
    }

    static Expression Hours(Expression at)
    {
        Expression Part(string name) => Expression.Property(at, name);
        Expression Int(int v) => Expression.Constant(v);
        Expression Dbl(double v) => Expression.Constant(v);
        var y = Expression.Subtract(Part(nameof(DateTime.Year)), Int(1));
        var days = Expression.Add(Expression.Subtract(Expression.Add(Expression.Multiply(y, Int(365)), Expression.Divide(y, Int(4))),
                Expression.Subtract(Expression.Divide(y, Int(100)), Expression.Divide(y, Int(400)))),
            Expression.Subtract(Part(nameof(DateTime.DayOfYear)), Int(1)));
        var hours = Expression.Add(Expression.Multiply(Expression.Convert(days, typeof(double)), Dbl(24)), Expression.Convert(Part(nameof(DateTime.Hour)), typeof(double)));
        return Expression.Add(hours, Expression.Add(Expression.Divide(Expression.Convert(Part(nameof(DateTime.Minute)), typeof(double)), Dbl(60)),
            Expression.Divide(Expression.Convert(Part(nameof(DateTime.Second)), typeof(double)), Dbl(3600))));
    }
}
