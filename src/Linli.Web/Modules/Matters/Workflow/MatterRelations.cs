using Linli.Platform.Auth;
using Linli.Platform.OrgScope;

namespace Linli.Modules.Matters;

// 办理关系 how the signed-in staff member stands toward a matter, from the matter's units and the caller's unit,
// department and scope (the caller's scope path is their own unit's path).
public static class MatterRelations
{
    public static MatterRelation Of(Matter m, CurrentUser me) =>
        Of(m.OrgPath, m.HandlingPath, m.HandlingUnitId ?? m.RegisteredByUnitId, m.HandlingDepartmentId, m.DispatchedByUnitId,
            m.AssigneeId, m.ResolvedById, me);

    public static MatterRelation Of(string ownerPath, string? handlingPath, long handlingUnitId, long? handlingDepartmentId,
        long? dispatchedByUnitId, string? assigneeId, string? resolvedById, CurrentUser me)
    {
        if (me.UserId is null || me.ScopePath is not { } scope) return MatterRelation.None;
        var r = MatterRelation.None;
        var inDepartment = me.DepartmentId is not null;
        var handling = handlingPath ?? ownerPath;
        if (inDepartment) r |= MatterRelation.DepartmentStaff;
        if (!inDepartment && ownerPath.StartsWith(scope, StringComparison.Ordinal)) r |= MatterRelation.Owner;
        if (handlingDepartmentId is { } dept ? me.DepartmentId == dept : !inDepartment && me.OrgUnitId == handlingUnitId)
            r |= MatterRelation.Handler;
        if (!inDepartment && handling.StartsWith(scope, StringComparison.Ordinal)
            && (handling.Length > scope.Length || handlingDepartmentId is not null))
            r |= MatterRelation.Above;
        if (!inDepartment && dispatchedByUnitId is not null && me.OrgUnitId == dispatchedByUnitId) r |= MatterRelation.Dispatcher;
        if (assigneeId is not null && assigneeId == me.UserId) r |= MatterRelation.Assignee;
        if (resolvedById is not null && resolvedById == me.UserId) r |= MatterRelation.Resolver;
        return r;
    }

    public static bool IsOfficial(CurrentUser me) => me.Roles.Split(',').Contains(Roles.Official);
}
